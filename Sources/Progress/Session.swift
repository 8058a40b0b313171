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
  /// Where each clinical case was left, by case id (`random:SEED` for a generated case).
  public var cases: [String: CaseProgress]
  /// The quiz under way, if one was left unfinished.
  public var quiz: QuizProgress?

  /// A new, empty session for `learner`, started `now`.
  public init(learner: String, now: Date) {
    self.schemaVersion = Session.currentSchemaVersion
    self.learner = learner
    self.created = now
    self.updated = now
    self.settings = Settings()
    self.lessons = [:]
    self.answers = []
    self.cases = [:]
  }
}

extension Session {
  private enum CodingKeys: String, CodingKey {
    case schemaVersion, learner, created, updated, settings, lessons, answers, cases, quiz
  }

  /// Reads a session; files written before cases existed have no `cases` key.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
    learner = try container.decode(String.self, forKey: .learner)
    created = try container.decode(Date.self, forKey: .created)
    updated = try container.decode(Date.self, forKey: .updated)
    settings = try container.decode(Settings.self, forKey: .settings)
    lessons = try container.decode([String: LessonProgress].self, forKey: .lessons)
    answers = try container.decode([Answer].self, forKey: .answers)
    cases = try container.decodeIfPresent([String: CaseProgress].self, forKey: .cases) ?? [:]
    quiz = try container.decodeIfPresent(QuizProgress.self, forKey: .quiz)
  }
}

/// A block of cases taken as a quiz: which cases, and since when (for the summary).
public struct QuizProgress: Codable, Sendable, Equatable {
  /// The cases of the quiz, in the order they are asked.
  public var cases: [String]
  /// The topic the learner asked for, if any.
  public var topic: String?
  /// Whether each step has a time limit.
  public var timed: Bool
  public var started: Date

  public init(cases: [String], topic: String? = nil, timed: Bool = false, started: Date) {
    self.cases = cases
    self.topic = topic
    self.timed = timed
    self.started = started
  }
}

/// Where a learner is in one clinical case.
public struct CaseProgress: Codable, Sendable, Equatable {
  /// Index of the next unanswered step, counting every step of every stage.
  public var position: Int
  /// True once every step has been answered.
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
  /// `lessonID/questionID` for a check question; `case/CASEID/STEPID` for a case step.
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
  /// For case steps: `correct`, `acceptable` (an alternative the engine accepts; `correct`
  /// is true), `wrong` or `skipped`. Absent for check questions, where `correct` says it all.
  public var outcome: String?

  /// An answer as the tutor records it.
  public init(
    item: String, response: [String], correct: Bool, skipped: Bool = false, at: Date,
    durationMs: Int, hintsUsed: Int, outcome: String? = nil
  ) {
    self.item = item
    self.response = response
    self.correct = correct
    self.skipped = skipped
    self.at = at
    self.durationMs = durationMs
    self.hintsUsed = hintsUsed
    self.outcome = outcome
  }
}
