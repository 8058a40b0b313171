import Foundation
import Identifiers

/// A block of cases taken as a quiz: which cases, and since when (for the summary).
public struct QuizProgress: Codable, Sendable, Equatable {
  /// The cases of the quiz, in the order they are asked.
  public var cases: [CaseID]
  /// The topic the learner asked for, if any.
  public var topic: String?
  /// Whether each step has a time limit.
  public var timed: Bool
  /// When it was first opened.
  public var started: Date
  /// Keys this nelm does not know, kept for the next save.
  public var unknown = UnknownKeys()

  /// Creates a value from its parts.
  public init(cases: [CaseID], topic: String? = nil, timed: Bool = false, started: Date) {
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
  public var outcomes: [String: Outcome]
  /// Keys this nelm does not know, kept for the next save.
  public var unknown = UnknownKeys()

  /// Creates a value from its parts.
  public init(
    position: Int = 0, completed: Bool = false, started: Date, updated: Date,
    outcomes: [String: Outcome] = [:]
  ) {
    self.position = position
    self.completed = completed
    self.started = started
    self.updated = updated
    self.outcomes = outcomes
  }

  private enum CodingKeys: String, CodingKey, CaseIterable {
    case position, completed, started, updated, outcomes
  }

  /// The keys this nelm reads and writes; any other is kept in `unknown`.
  static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

  /// Reads a case's progress; version 1 files have no `outcomes`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    position = try container.decode(Int.self, forKey: .position)
    completed = try container.decode(Bool.self, forKey: .completed)
    started = try container.decode(Date.self, forKey: .started)
    updated = try container.decode(Date.self, forKey: .updated)
    outcomes = try container.decodeIfPresent([String: Outcome].self, forKey: .outcomes) ?? [:]
    unknown = try UnknownKeys(from: decoder, known: Self.knownKeys)
  }

  /// Writes the progress and any key kept from the file.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(position, forKey: .position)
    try container.encode(completed, forKey: .completed)
    try container.encode(started, forKey: .started)
    try container.encode(updated, forKey: .updated)
    try container.encode(outcomes, forKey: .outcomes)
    try unknown.encode(to: encoder)
  }
}
