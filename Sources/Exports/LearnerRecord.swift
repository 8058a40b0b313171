import Foundation
import Identifiers
import Progress

/// What the exports know of one learner: the session file (positions, completions, case
/// outcomes) and every answer in the log, with where each line of the log lies.
public struct LearnerRecord: Sendable, Equatable {
  /// The learner's name.
  public var learner: String
  /// The session file, or nil when there is only a log.
  public var session: Session?
  /// Every complete line of the answer log, oldest first.
  public var entries: [AnswerLog.Entry]

  /// Every answer, oldest first.
  public var answers: [Answer] { entries.map(\.answer) }

  /// The size of the log that was read: where the next answer will start.
  public var logEnd: Int { entries.last?.end ?? 0 }

  /// A record read from disk.
  public init(learner: String, session: Session?, entries: [AnswerLog.Entry]) {
    self.learner = learner
    self.session = session
    self.entries = entries
  }

  /// A record made in memory (tests): each answer gets a line of 100 bytes.
  public init(learner: String, session: Session?, answers: [Answer]) {
    self.init(
      learner: learner, session: session,
      entries: answers.enumerated().map {
        AnswerLog.Entry(answer: $1, start: $0 * 100, end: $0 * 100 + 100)
      })
  }

  /// Reads `learner`'s session file, then their answer log, without taking the lock, so it
  /// works while a shell has the learner open and never sees half a write: the session file
  /// is replaced whole by a rename, the log only grows and a line being appended is left
  /// out. Reading the session first means the log read after it holds every answer the
  /// session counts.
  ///
  /// - Throws: `.noProgress` when neither file exists; `.unreadable` when one cannot be used.
  public static func read(_ learner: LearnerName, from store: SessionStore) throws(ExportError)
    -> LearnerRecord
  {
    let url = store.fileURL(for: learner)
    let session: Session?
    do {
      // Read as the shell reads it: a regular file only, bounded (a FIFO would block).
      session = try store.readSession(of: learner)
    } catch {
      throw .unreadable(error)
    }
    let entries: [AnswerLog.Entry]
    do {
      entries = try AnswerLog.entries(AnswerLog.url(forSessionFile: url))
    } catch {
      throw .unreadable(error)
    }
    guard session != nil || !entries.isEmpty else {
      throw .noProgress(learner: learner.value, directory: store.directory.path)
    }
    return LearnerRecord(learner: learner.value, session: session, entries: entries)
  }

  /// The session as a shell opening it now would have it: the file, with the answers logged
  /// after it was last saved counted in (a shell between its append and its save, or one that
  /// crashed there), or a new session counting every answer when there is no file yet.
  public func currentSession(now: Date) -> Session {
    var current = session ?? Session(learner: learner, now: now).roundedToMilliseconds
    for entry in entries where entry.start >= current.logBytes {
      current.record(entry.answer)
    }
    current.logBytes = max(current.logBytes, logEnd)
    return current
  }

  /// The latest answer to each item, by item id.
  var latestAnswers: [ItemID: Answer] {
    var latest: [ItemID: Answer] = [:]
    for answer in answers { latest[answer.item] = answer }
    return latest
  }
}
