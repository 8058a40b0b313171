import Foundation

/// A block of cases taken as a quiz: which cases, and since when (for the summary).
public struct QuizProgress: Codable, Sendable, Equatable {
  /// The cases of the quiz, in the order they are asked.
  public var cases: [String]
  /// The topic the learner asked for, if any.
  public var topic: String?
  /// Whether each step has a time limit.
  public var timed: Bool
  /// When it was first opened.
  public var started: Date

  /// Creates a value from its parts.
  public init(cases: [String], topic: String? = nil, timed: Bool = false, started: Date) {
    self.cases = cases
    self.topic = topic
    self.timed = timed
    self.started = started
  }
}

/// Where a learner is in one clinical case, and how each step went this time through.
public struct CaseProgress: Codable, Sendable, Equatable {
  /// Index of the next unanswered step, counting every step of every stage.
  public var position: Int
  /// True once every step has been answered.
  public var completed: Bool
  /// When it was first opened.
  public var started: Date
  /// When it last changed.
  public var updated: Date
  /// The outcome of each step answered since the case was (re)started, by step id:
  /// `correct`, `acceptable`, `wrong` or `skipped`.
  public var outcomes: [String: String]

  /// Creates a value from its parts.
  public init(
    position: Int = 0, completed: Bool = false, started: Date, updated: Date,
    outcomes: [String: String] = [:]
  ) {
    self.position = position
    self.completed = completed
    self.started = started
    self.updated = updated
    self.outcomes = outcomes
  }

  private enum CodingKeys: String, CodingKey {
    case position, completed, started, updated, outcomes
  }

  /// Reads a case's progress; version 1 files have no `outcomes`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    position = try container.decode(Int.self, forKey: .position)
    completed = try container.decode(Bool.self, forKey: .completed)
    started = try container.decode(Date.self, forKey: .started)
    updated = try container.decode(Date.self, forKey: .updated)
    outcomes = try container.decodeIfPresent([String: String].self, forKey: .outcomes) ?? [:]
  }
}
