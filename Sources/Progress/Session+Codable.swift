import Foundation
import Identifiers

// The session file's records, read and written by hand so that keys this nelm does not know
// (`unknown`) are read along and written back: a newer nelm's additions survive a save by
// an older one. Absent optionals are left out, as the synthesized coding did.

extension Session {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case schemaVersion, learner, created, updated, settings, lessons, cases, quiz, items
    case answerCount, logBytes, days, streak
  }

  /// The keys this nelm reads and writes; any other is kept in `unknown`.
  static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

  /// Reads a session file's top level.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
    learner = try container.decode(String.self, forKey: .learner)
    created = try container.decode(Date.self, forKey: .created)
    updated = try container.decode(Date.self, forKey: .updated)
    settings = try container.decode(Settings.self, forKey: .settings)
    lessons = try container.decode([String: LessonProgress].self, forKey: .lessons)
    cases = try container.decode([String: CaseProgress].self, forKey: .cases)
    quiz = try container.decodeIfPresent(QuizProgress.self, forKey: .quiz)
    items = try container.decode([String: ItemRecord].self, forKey: .items)
    answerCount = try container.decode(Int.self, forKey: .answerCount)
    logBytes = try container.decode(Int.self, forKey: .logBytes)
    // Version 2 files have neither: the migration counts them from the log.
    days = try container.decodeIfPresent([String: DayCount].self, forKey: .days) ?? [:]
    streak = try container.decodeIfPresent(Streak.self, forKey: .streak)
    unknown = try UnknownKeys(from: decoder, known: Self.knownKeys)
  }

  /// Writes a session file's top level.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(schemaVersion, forKey: .schemaVersion)
    try container.encode(learner, forKey: .learner)
    try container.encode(created, forKey: .created)
    try container.encode(updated, forKey: .updated)
    try container.encode(settings, forKey: .settings)
    try container.encode(lessons, forKey: .lessons)
    try container.encode(cases, forKey: .cases)
    try container.encodeIfPresent(quiz, forKey: .quiz)
    try container.encode(items, forKey: .items)
    try container.encode(answerCount, forKey: .answerCount)
    try container.encode(logBytes, forKey: .logBytes)
    try container.encode(days, forKey: .days)
    try container.encodeIfPresent(streak, forKey: .streak)
    try unknown.encode(to: encoder)
  }
}

extension Settings {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case color
  }

  /// The keys this nelm reads and writes; any other is kept in `unknown`.
  static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

  /// Reads the learner's preferences.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    color = try container.decode(String.self, forKey: .color)
    unknown = try UnknownKeys(from: decoder, known: Self.knownKeys)
  }

  /// Writes the learner's preferences.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(color, forKey: .color)
    try unknown.encode(to: encoder)
  }
}

extension LessonProgress {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case position, completed, started, updated
  }

  /// The keys this nelm reads and writes; any other is kept in `unknown`.
  static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

  /// Reads where a lesson was left.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    position = try container.decode(Int.self, forKey: .position)
    completed = try container.decode(Bool.self, forKey: .completed)
    started = try container.decode(Date.self, forKey: .started)
    updated = try container.decode(Date.self, forKey: .updated)
    unknown = try UnknownKeys(from: decoder, known: Self.knownKeys)
  }

  /// Writes where a lesson was left.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(position, forKey: .position)
    try container.encode(completed, forKey: .completed)
    try container.encode(started, forKey: .started)
    try container.encode(updated, forKey: .updated)
    try unknown.encode(to: encoder)
  }
}

extension QuizProgress {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case cases, topic, timed, started
  }

  /// The keys this nelm reads and writes; any other is kept in `unknown`.
  static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

  /// Reads the quiz under way.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    cases = try container.decode([CaseID].self, forKey: .cases)
    topic = try container.decodeIfPresent(String.self, forKey: .topic)
    timed = try container.decode(Bool.self, forKey: .timed)
    started = try container.decode(Date.self, forKey: .started)
    unknown = try UnknownKeys(from: decoder, known: Self.knownKeys)
  }

  /// Writes the quiz under way.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(cases, forKey: .cases)
    try container.encodeIfPresent(topic, forKey: .topic)
    try container.encode(timed, forKey: .timed)
    try container.encode(started, forKey: .started)
    try unknown.encode(to: encoder)
  }
}

extension ItemRecord {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case attempts, correctCount, last, review, flagged
  }

  /// The keys this nelm reads and writes; any other is kept in `unknown`.
  static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

  /// Reads what a learner has shown on one item.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    attempts = try container.decode(Int.self, forKey: .attempts)
    correctCount = try container.decode(Int.self, forKey: .correctCount)
    last = try container.decodeIfPresent(Answer.self, forKey: .last)
    review = try container.decodeIfPresent(ReviewState.self, forKey: .review)
    flagged = try container.decodeIfPresent(Bool.self, forKey: .flagged)
    unknown = try UnknownKeys(from: decoder, known: Self.knownKeys)
  }

  /// Writes what a learner has shown on one item.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(attempts, forKey: .attempts)
    try container.encode(correctCount, forKey: .correctCount)
    try container.encodeIfPresent(last, forKey: .last)
    try container.encodeIfPresent(review, forKey: .review)
    try container.encodeIfPresent(flagged, forKey: .flagged)
    try unknown.encode(to: encoder)
  }
}

extension Answer {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case item, response, correct, skipped, at, durationMs, hintsUsed, outcome
  }

  /// The keys this nelm reads and writes; any other is kept in `unknown`. A log line's
  /// effects (`AnswerEffects`) are read beside the answer, so they are known too.
  static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue)).union(AnswerEffects.keys)

  /// Reads an answer (a log line, or an item's `last`); its values are checked apart, by
  /// `problem`, so the message can say where the answer was.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    item = try container.decode(ItemID.self, forKey: .item)
    response = try container.decode([String].self, forKey: .response)
    correct = try container.decode(Bool.self, forKey: .correct)
    skipped = try container.decode(Bool.self, forKey: .skipped)
    at = try container.decode(Date.self, forKey: .at)
    durationMs = try container.decode(Int.self, forKey: .durationMs)
    hintsUsed = try container.decode(Int.self, forKey: .hintsUsed)
    outcome = try container.decodeIfPresent(Outcome.self, forKey: .outcome)
    unknown = try UnknownKeys(from: decoder, known: Self.knownKeys)
  }

  /// Writes an answer.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(item, forKey: .item)
    try container.encode(response, forKey: .response)
    try container.encode(correct, forKey: .correct)
    try container.encode(skipped, forKey: .skipped)
    try container.encode(at, forKey: .at)
    try container.encode(durationMs, forKey: .durationMs)
    try container.encode(hintsUsed, forKey: .hintsUsed)
    try container.encodeIfPresent(outcome, forKey: .outcome)
    try unknown.encode(to: encoder)
  }

  /// What makes this answer one nelm cannot have written, as `durationMs is -5; it cannot be
  /// negative`; nil for a sound answer. The same rules hold in the log and in the session
  /// file, so a line the log accepts can always be saved in the session file.
  var problem: String? {
    if item.rawValue.isEmpty { return "item is empty" }
    if durationMs < 0 { return "durationMs is \(durationMs); it cannot be negative" }
    if hintsUsed < 0 { return "hintsUsed is \(hintsUsed); it cannot be negative" }
    if let outcome, !outcome.isKnown {
      return "outcome '\(ProgressError.printable(outcome.rawValue))' is not one of "
        + Outcome.all.map(\.rawValue).joined(separator: ", ")
    }
    if Set(response).count != response.count { return "response lists an option twice" }
    return nil
  }
}
