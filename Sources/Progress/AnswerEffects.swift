import Foundation

/// What an answer changed in the session besides its item's summary, carried on the answer's
/// log line so that the line alone brings the session file up to date: the session file is
/// only a checkpoint, and the lines logged after it are applied again when it is opened.
///
/// Places are carried whole (a lesson's or case's progress as the session file writes it),
/// never as a difference, so applying a line twice gives the same session.
public struct AnswerEffects: Sendable, Equatable {
  /// The lessons whose progress the answer moved, by id; nil removes one.
  public var lessons: [String: LessonProgress?] = [:]
  /// The cases whose progress the answer moved, by id; nil removes one. A case step's answer
  /// always carries its own case, so the log keeps every run of a generated case.
  public var cases: [String: CaseProgress?] = [:]
  /// The quiz under way after the answer, when it changed (`.some(nil)`: it ended).
  public var quiz: QuizProgress??
  /// The item's review state after the answer (FSRS): what the scheduler made of it.
  public var review: ReviewState?

  /// No effect at all.
  public init() {}

  /// The keys a line may hold besides the answer's own.
  static let keys: Set<String> = Set(Key.allCases.map(\.rawValue))

  enum Key: String, CodingKey, CaseIterable { case lessons, cases, quiz, review }

  /// Whether the line carries nothing besides the answer.
  public var isEmpty: Bool { lessons.isEmpty && cases.isEmpty && quiz == nil && review == nil }

  /// Reads the effects of a log line (none on a line of an older nelm).
  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    lessons = try container.decodeIfPresent([String: LessonProgress?].self, forKey: .lessons) ?? [:]
    cases = try container.decodeIfPresent([String: CaseProgress?].self, forKey: .cases) ?? [:]
    if container.contains(.quiz) {
      quiz = .some(
        try container.decodeNil(forKey: .quiz)
          ? nil : try container.decode(QuizProgress.self, forKey: .quiz))
    }
    review = try container.decodeIfPresent(ReviewState.self, forKey: .review)
  }

  /// Writes the effects beside the answer's keys.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    if !lessons.isEmpty { try container.encode(lessons, forKey: .lessons) }
    if !cases.isEmpty { try container.encode(cases, forKey: .cases) }
    switch quiz {
    case nil: break
    case .some(nil): try container.encodeNil(forKey: .quiz)
    case .some(let quiz?): try container.encode(quiz, forKey: .quiz)
    }
    try container.encodeIfPresent(review, forKey: .review)
  }
}

/// One line of the answer log: the answer, and what it changed in the session.
public struct LoggedAnswer: Codable, Sendable, Equatable {
  /// The answer itself (what `history`, the exports and `items.*.last` show).
  public var answer: Answer
  /// What it changed besides its item's summary.
  public var effects: AnswerEffects

  /// Creates a value from its parts.
  public init(_ answer: Answer, effects: AnswerEffects = AnswerEffects()) {
    self.answer = answer
    self.effects = effects
  }

  /// Reads a line: the answer's keys, then the effects' keys of the same object.
  public init(from decoder: any Decoder) throws {
    answer = try Answer(from: decoder)
    effects = try AnswerEffects(from: decoder)
  }

  /// Writes a line: one object with the answer's keys and the effects' keys.
  public func encode(to encoder: any Encoder) throws {
    try answer.encode(to: encoder)
    try effects.encode(to: encoder)
  }

  /// The line with its dates rounded to the millisecond, as the log stores them.
  var roundedToMilliseconds: LoggedAnswer {
    var copy = self
    copy.answer = answer.roundedToMilliseconds
    copy.effects.lessons = effects.lessons.mapValues { $0?.roundedToMilliseconds }
    copy.effects.cases = effects.cases.mapValues { $0?.roundedToMilliseconds }
    copy.effects.quiz = effects.quiz.map { $0?.roundedToMilliseconds }
    copy.effects.review = effects.review?.roundedToMilliseconds
    return copy
  }
}

extension LessonProgress {
  /// The progress with its dates rounded to the millisecond, as files keep them.
  public var roundedToMilliseconds: LessonProgress {
    var copy = self
    copy.started = started.roundedToMilliseconds
    copy.updated = updated.roundedToMilliseconds
    return copy
  }
}

extension CaseProgress {
  /// The progress with its dates rounded to the millisecond, as files keep them.
  public var roundedToMilliseconds: CaseProgress {
    var copy = self
    copy.started = started.roundedToMilliseconds
    copy.updated = updated.roundedToMilliseconds
    return copy
  }

  /// Whether the run has nothing answered: the same as no entry at all.
  var isUntouched: Bool { position == 0 && !completed && outcomes.isEmpty }
}

extension QuizProgress {
  /// The quiz with its start rounded to the millisecond.
  public var roundedToMilliseconds: QuizProgress {
    var copy = self
    copy.started = started.roundedToMilliseconds
    return copy
  }
}
