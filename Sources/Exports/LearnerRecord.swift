import Foundation
import Progress

/// What the exports know of one learner: the session file (positions, completions, case
/// outcomes) and every answer in the log.
public struct LearnerRecord: Sendable, Equatable {
  /// The learner's name.
  public var learner: String
  /// The session file, or nil when there is only a log.
  public var session: Session?
  /// Every answer, oldest first.
  public var answers: [Answer]

  /// A record made of these parts (tests build one in memory).
  public init(learner: String, session: Session?, answers: [Answer]) {
    self.learner = learner
    self.session = session
    self.answers = answers
  }

  /// Reads `learner`'s session file and answer log from `store` without taking the lock, so
  /// it works while a shell has the learner open: the session file is replaced atomically
  /// and the log only grows.
  ///
  /// - Throws: `.noProgress` when neither file exists; `.unreadable` when one cannot be used.
  public static func read(_ learner: LearnerName, from store: SessionStore) throws(ExportError)
    -> LearnerRecord
  {
    let session: Session?
    do {
      // Read as the shell reads it: a regular file only, bounded (a FIFO would block).
      session = try store.readSession(of: learner)
    } catch {
      throw .unreadable(error)
    }
    let answers: [Answer]
    do {
      answers = try store.answers(of: learner)
    } catch {
      throw .unreadable(error)
    }
    guard session != nil || !answers.isEmpty else {
      throw .noProgress(learner: learner.value, directory: store.directory.path)
    }
    return LearnerRecord(learner: learner.value, session: session, answers: answers)
  }

  /// The latest answer to each item, by item id.
  var latestAnswers: [String: Answer] {
    var latest: [String: Answer] = [:]
    for answer in answers { latest[answer.item] = answer }
    return latest
  }
}
