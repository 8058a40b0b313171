import Foundation

/// One learner's progress: what the session file holds.
///
/// The file format is public (see `Docs/session-format.md` and `Docs/session.schema.json`):
/// other tools read it, so change it only with a new `schemaVersion`.
public struct Session: Codable, Sendable, Equatable {
  /// The version of the file format this build writes.
  public static let currentSchemaVersion = 1

  /// The format version of the file this came from or will be written as.
  public var schemaVersion: Int
  /// The learner's name: always a valid `LearnerName`, equal to the file name.
  public var learner: String
  /// When the session was started.
  public var created: Date
  /// When the session was last changed.
  public var updated: Date
  /// The learner's preferences.
  public var settings: Settings
  /// Where each lesson was left, by lesson id.
  public var lessons: [String: LessonProgress]
  /// Every answer ever given, oldest first.
  public var answers: [Answer]

  /// A new, empty session for `learner`, started `now`.
  public init(learner: String, now: Date) {
    self.schemaVersion = Session.currentSchemaVersion
    self.learner = learner
    self.created = now
    self.updated = now
    self.settings = Settings()
    self.lessons = [:]
    self.answers = []
  }
}

/// The learner's preferences.
public struct Settings: Codable, Sendable, Equatable {
  /// `auto` follows the terminal and `NO_COLOR`; `never` turns colour off.
  public var color: String

  /// Preferences with colour following the terminal unless told otherwise.
  public init(color: String = "auto") {
    self.color = color
  }
}

/// Where a learner is in one lesson.
public struct LessonProgress: Codable, Sendable, Equatable {
  /// Index of the current step: pages first (0 ..< pageCount), then questions.
  public var position: Int
  /// True once the learner has gone past the last step.
  public var completed: Bool
  /// When the lesson was first opened.
  public var started: Date
  /// When the learner last moved in the lesson.
  public var updated: Date

  /// Progress in a lesson, at its first step unless told otherwise.
  public init(position: Int = 0, completed: Bool = false, started: Date, updated: Date) {
    self.position = position
    self.completed = completed
    self.started = started
    self.updated = updated
  }
}

/// One answer to one item (a check question, later a case step).
public struct Answer: Codable, Sendable, Equatable {
  /// `lessonID/questionID` for a check question.
  public var item: String
  /// The option ids chosen, sorted; empty when the item was skipped.
  public var response: [String]
  /// Whether the response was right; a skipped item is not correct.
  public var correct: Bool
  /// True when the learner skipped the item.
  public var skipped: Bool
  /// When the answer was given.
  public var at: Date
  /// Milliseconds from the question being shown to the answer.
  public var durationMs: Int
  /// Hints shown before answering.
  public var hintsUsed: Int

  /// An answer as the tutor records it.
  public init(
    item: String, response: [String], correct: Bool, skipped: Bool = false, at: Date,
    durationMs: Int, hintsUsed: Int
  ) {
    self.item = item
    self.response = response
    self.correct = correct
    self.skipped = skipped
    self.at = at
    self.durationMs = durationMs
    self.hintsUsed = hintsUsed
  }
}
