import Foundation
import Identifiers

/// One learner's progress as the session file holds it: where each lesson and case was
/// left, and a summary of each item answered.
///
/// Every answer itself goes to an append-only log beside the file (`AnswerLog`), so that
/// recording one answer costs the same with ten answers stored or a hundred thousand. The
/// format is public (see `Docs/session-format.md` and `Docs/session.schema.json`): change it
/// only with a new `schemaVersion` and a migration.
public struct Session: Codable, Sendable, Equatable {
  /// The version of the file format this build writes.
  public static let currentSchemaVersion = 3

  /// The file format's version (`currentSchemaVersion` when written by this build).
  public var schemaVersion: Int
  /// The learner's name, also the file's name.
  public var learner: String
  /// When the session was started.
  public var created: Date
  /// When it last changed.
  public var updated: Date
  /// The learner's preferences.
  public var settings: Settings
  /// Where each lesson was left, by lesson id.
  public var lessons: [String: LessonProgress]
  /// Where each clinical case with an answer in its current run was left, by case id
  /// (`random:SEED[:TOPIC]` for a generated case). A generated case leaves once completed
  /// (its log lines keep its run), unless it belongs to the quiz under way.
  public var cases: [String: CaseProgress]
  /// The quiz under way, if one was left unfinished.
  public var quiz: QuizProgress?
  /// What the learner has shown on each reviewable item (check questions and authored case
  /// steps), by item id.
  public var items: [String: ItemRecord]
  /// How many answers the log holds.
  public var answerCount: Int
  /// The size of the answer log when this file was saved: the answers past it (logged since
  /// this checkpoint) are counted in when the session is next opened.
  public var logBytes: Int
  /// Answers and right answers by day of the learner's calendar (`YYYY-MM-DD`), the last
  /// `daysKept` days: what `progress` charts, without reading the log.
  public var days: [String: DayCount] = [:]
  /// The latest run of consecutive days with an answer; nil before the first answer.
  public var streak: Streak?
  /// Top-level keys this nelm does not know (written by a newer one), kept for the next save.
  public var unknown = UnknownKeys()

  /// Creates a value from its parts.
  public init(learner: String, now: Date) {
    self.schemaVersion = Session.currentSchemaVersion
    self.learner = learner
    self.created = now
    self.updated = now
    self.settings = Settings()
    self.lessons = [:]
    self.cases = [:]
    self.quiz = nil
    self.items = [:]
    self.answerCount = 0
    self.logBytes = 0
  }

  /// Counts an answer and, for a reviewable item, updates its record. The answer itself is
  /// written to the log by the caller (the shell, through `OpenSession.append`).
  public mutating func record(_ answer: Answer) {
    record(answer, scheduler: FSRSScheduler())
  }

  /// Counts an answer and, for a reviewable item, updates its record and schedules its next
  /// review with `scheduler`, rated by `RatingRule` from the answer.
  public mutating func record(_ answer: Answer, scheduler: FSRSScheduler = FSRSScheduler()) {
    // Counts saturate rather than trap: a hand-edited file near Int.max must not crash nelm.
    answerCount = answerCount.addingSaturated(1)
    countDay(of: answer)
    guard answer.item.isReviewable else { return }
    let previous = items[answer.item.rawValue]
    var record = previous ?? ItemRecord()
    record.attempts = record.attempts.addingSaturated(1)
    if answer.correct { record.correctCount = record.correctCount.addingSaturated(1) }
    record.last = answer
    let rating = RatingRule.rating(for: answer, previous: previous)
    // Rounded as the file keeps dates, so the session in memory equals the one read back.
    let at = answer.at.roundedToMilliseconds
    record.review = scheduler.review(record.review, rating: rating, at: at).roundedToMilliseconds
    items[answer.item.rawValue] = record
  }

  /// The items whose review is due by `date` plus `window` seconds, oldest due first (ties
  /// in item-id order).
  public func due(at date: Date, within window: TimeInterval = 0) -> [(item: String, due: Date)] {
    let limit = date.addingTimeInterval(window)
    return items.compactMap { id, record in
      guard let review = record.review, review.due <= limit else { return nil }
      return (item: id, due: review.due)
    }
    .sorted { ($0.due, $0.item) < ($1.due, $1.item) }
  }
}

/// The learner's preferences.
public struct Settings: Codable, Sendable, Equatable {
  /// `auto` follows the terminal and `NO_COLOR`; `never` turns colour off.
  public var color: String
  /// Keys this nelm does not know, kept for the next save.
  public var unknown = UnknownKeys()

  /// Creates a value from its parts.
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
  /// When it was first opened.
  public var started: Date
  /// When it last changed.
  public var updated: Date
  /// Keys this nelm does not know, kept for the next save.
  public var unknown = UnknownKeys()

  /// Creates a value from its parts.
  public init(position: Int = 0, completed: Bool = false, started: Date, updated: Date) {
    self.position = position
    self.completed = completed
    self.started = started
    self.updated = updated
  }
}

/// What a learner has shown on one item: the summary kept in the session file.
public struct ItemRecord: Codable, Sendable, Equatable {
  /// Answers given, skipped ones included.
  public var attempts: Int
  /// Answers that were right (an accepted alternative counts).
  public var correctCount: Int
  /// The latest answer.
  public var last: Answer?
  /// When the item comes back and what the scheduler knows of it (FSRS); nil in files
  /// written before review scheduling, and then started afresh on the next answer.
  public var review: ReviewState?
  /// Marked by the learner with `flag`, for `review flagged`; nil when never flagged.
  public var flagged: Bool?
  /// Keys this nelm does not know, kept for the next save.
  public var unknown = UnknownKeys()

  /// Creates a value from its parts.
  public init(
    attempts: Int = 0, correctCount: Int = 0, last: Answer? = nil, review: ReviewState? = nil
  ) {
    self.attempts = attempts
    self.correctCount = correctCount
    self.last = last
    self.review = review
  }
}

/// One answer to one item (a check question or a case step): a line of the answer log.
public struct Answer: Codable, Sendable, Equatable {
  /// `lessonID/questionID` for a check question; `case/CASEID/STEPID` for a case step.
  public var item: ItemID
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
  public var outcome: Outcome?
  /// Keys this nelm does not know (a log line of a newer nelm), kept when the answer is copied
  /// into the session file.
  public var unknown = UnknownKeys()

  /// An answer as the tutor records it.
  public init(
    item: ItemID, response: [String], correct: Bool, skipped: Bool = false, at: Date,
    durationMs: Int, hintsUsed: Int, outcome: Outcome? = nil
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

extension Int {
  /// `self + other`, or the largest (smallest) Int where the sum would overflow.
  func addingSaturated(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    guard overflow else { return sum }
    return other > 0 ? .max : .min
  }
}
