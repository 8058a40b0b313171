import Foundation

/// One learner's progress: what the session file holds.
///
/// The file format is public (see `Docs/session-format.md` and `Docs/session.schema.json`):
/// other tools read it, so change it only with a new `schemaVersion`.
public struct Session: Codable, Sendable, Equatable {
  /// The version of the file format this build writes.
  public static let currentSchemaVersion = 1

  public var schemaVersion: Int
  public var learner: String
  public var created: Date
  public var updated: Date
  public var settings: Settings
  /// Where each lesson was left, by lesson id.
  public var lessons: [String: LessonProgress]
  /// Every answer ever given, oldest first.
  public var answers: [Answer]

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
  public var started: Date
  public var updated: Date

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
  public var correct: Bool
  public var skipped: Bool
  public var at: Date
  /// Milliseconds from the question being shown to the answer.
  public var durationMs: Int
  public var hintsUsed: Int

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
