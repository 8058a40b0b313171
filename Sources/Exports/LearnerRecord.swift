import Foundation
import Identifiers
import Progress

/// What the exports know of one learner: the session file (positions, completions, case
/// outcomes, summaries) and the answer log, read line by line when needed rather than held.
public struct LearnerRecord: Sendable {
  /// The learner's name.
  public var learner: String
  /// The session file, or nil when there is only a log.
  public var session: Session?
  /// The size of the log that was read: where the next answer will start.
  public var logEnd: Int
  /// The lines past the session file's checkpoint (all of them without a session file).
  public var tail: [AnswerLog.Entry]
  /// Where the answers are.
  private let source: Source

  private enum Source: Sendable {
    case log(URL)
    case memory([AnswerLog.Entry])
  }

  /// A record made in memory (tests): each answer gets a line of 100 bytes.
  public init(learner: String, session: Session?, answers: [Answer]) {
    let entries = answers.enumerated().map {
      AnswerLog.Entry(answer: $1, start: $0 * 100, end: $0 * 100 + 100)
    }
    self.init(learner: learner, session: session, entries: entries)
  }

  /// A record made in memory from log lines (tests).
  public init(learner: String, session: Session?, entries: [AnswerLog.Entry]) {
    self.learner = learner
    self.session = session
    self.source = .memory(entries)
    self.logEnd = entries.last?.end ?? 0
    let start = session?.logBytes ?? 0
    self.tail = entries.filter { $0.start >= start }
  }

  private init(learner: String, session: Session?, log: URL, end: Int, tail: [AnswerLog.Entry]) {
    self.learner = learner
    self.session = session
    self.source = .log(log)
    self.logEnd = end
    self.tail = tail
  }

  /// Reads `learner`'s session file, then the lines of their log past it, without taking the
  /// lock, so it works while a shell has the learner open and never sees half a write: the
  /// session file is replaced whole by a rename, the log only grows and a line being appended
  /// is left out. Reading the session first means the log read after it holds every answer
  /// the session counts. The rest of the log is read only by what streams it.
  ///
  /// - Throws: `.noProgress` when neither file exists; `.unreadable` when one cannot be used.
  public static func read(_ learner: LearnerName, from store: SessionStore) throws(ExportError)
    -> LearnerRecord
  {
    let url = store.fileURL(for: learner)
    let log = AnswerLog.url(forSessionFile: url)
    var session: Session?
    do {
      // Read as the shell reads it: a regular file only, bounded (a FIFO would block).
      session = try store.readSession(of: learner)
    } catch {
      throw .unreadable(error)
    }
    var tail: [AnswerLog.Entry] = []
    let end: Int
    do {
      end = try AnswerLog.forEachEntry(log, from: session?.logBytes ?? 0) { tail.append($0) }
      if var older = session, older.schemaVersion < Session.currentSchemaVersion {
        // A version 2 file counts no days: count them as the shell's migration will.
        // Up to a line that does not read, as the migration does (those lines were never
        // checked by a version 2 nelm).
        _ = try? AnswerLog.forEachEntry(log, to: older.logBytes) {
          older.countDay(of: $0.answer)
        }
        session = older
      }
    } catch let error as ProgressError {
      throw .unreadable(error)
    } catch {
      throw .unreadable(.unreadable(path: log.path, reason: "\(error)"))
    }
    guard session != nil || end > 0 else {
      throw .noProgress(learner: learner.value, directory: store.directory.path)
    }
    return LearnerRecord(
      learner: learner.value, session: session, log: log, end: max(end, session?.logBytes ?? 0),
      tail: tail)
  }

  /// Calls `body` with each line of the log from byte `start` up to `logEnd`, oldest first,
  /// one at a time: memory stays the same however long the log.
  public func forEachEntry(from start: Int = 0, _ body: (AnswerLog.Entry) throws -> Void) throws {
    switch source {
    case .memory(let entries):
      for entry in entries where entry.start >= start { try body(entry) }
    case .log(let url):
      guard start < logEnd else { return }
      try AnswerLog.forEachEntry(url, from: start, to: logEnd, body)
    }
  }

  /// Every line of the log, oldest first, held in memory (for `nelm sync`'s batches).
  public func allEntries() throws -> [AnswerLog.Entry] {
    var entries: [AnswerLog.Entry] = []
    try forEachEntry { entries.append($0) }
    return entries
  }

  /// Every answer, oldest first, held in memory (tests, small logs).
  public var answers: [Answer] { ((try? allEntries()) ?? []).map(\.answer) }

  /// The session as a shell opening it now would have it: the file with the lines logged
  /// after it applied (a shell between two checkpoints, or one that crashed), or a new
  /// session counting every answer when there is no file yet.
  public func currentSession(now: Date) -> Session {
    var current = session ?? Session(learner: learner, now: now).roundedToMilliseconds
    for entry in tail where entry.start >= current.logBytes {
      current.apply(LoggedAnswer(entry.answer, effects: entry.effects))
    }
    current.logBytes = max(current.logBytes, logEnd)
    return current
  }
}
