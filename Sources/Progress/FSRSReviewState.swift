import Foundation

/// The FSRS memory state of one item: what the scheduler needs to plan its next review.
///
/// It mirrors the `Card` of the PyPI `fsrs` package (6.x), plus two counters nelm keeps for
/// statistics (`reps`, `lapses`). Stored in the session file as `items.*.review`; absent
/// keys are nil (a new item has no stability or difficulty, an item in review has no step).
public struct ReviewState: Codable, Sendable, Equatable {
  /// Days for the probability of recall to fall to 90 %; nil before the first review.
  public var stability: Double?
  /// How hard the item is, from 1 (easy) to 10 (hard); nil before the first review.
  public var difficulty: Double?
  /// When the item should next be reviewed.
  public var due: Date
  /// Learning, review or relearning.
  public var phase: ReviewPhase
  /// The index of the current (re)learning step; nil in review.
  public var step: Int?
  /// When the item was last reviewed; nil before the first review.
  public var lastReview: Date?
  /// Reviews so far.
  public var reps: Int
  /// Times the item was forgotten once in review (rated Again in the review phase).
  public var lapses: Int
  /// Keys this nelm does not know, kept for the next save.
  public var unknown = UnknownKeys()

  /// A state with every field given.
  public init(
    stability: Double?, difficulty: Double?, due: Date, phase: ReviewPhase, step: Int?,
    lastReview: Date?, reps: Int, lapses: Int
  ) {
    self.stability = stability
    self.difficulty = difficulty
    self.due = due
    self.phase = phase
    self.step = step
    self.lastReview = lastReview
    self.reps = reps
    self.lapses = lapses
  }

  /// The state with its dates rounded to the millisecond, as the session file stores them.
  public var roundedToMilliseconds: ReviewState {
    var copy = self
    copy.due = due.roundedToMilliseconds
    copy.lastReview = lastReview?.roundedToMilliseconds
    return copy
  }

  private enum CodingKeys: String, CodingKey, CaseIterable {
    case stability, difficulty, due, phase, step, lastReview, reps, lapses
  }

  /// The keys this nelm reads and writes; any other is kept in `unknown`.
  static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

  /// Writes the state (absent optionals are left out) and any key kept from the file.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(stability, forKey: .stability)
    try container.encodeIfPresent(difficulty, forKey: .difficulty)
    try container.encode(due, forKey: .due)
    try container.encode(phase, forKey: .phase)
    try container.encodeIfPresent(step, forKey: .step)
    try container.encodeIfPresent(lastReview, forKey: .lastReview)
    try container.encode(reps, forKey: .reps)
    try container.encode(lapses, forKey: .lapses)
    try unknown.encode(to: encoder)
  }

  /// Reads a state, refusing values the scheduler cannot work from (a hand-edited file), so
  /// a bad file fails when opened with the field named, not later with a wrong schedule.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    stability = try container.decodeIfPresent(Double.self, forKey: .stability)
    difficulty = try container.decodeIfPresent(Double.self, forKey: .difficulty)
    due = try container.decode(Date.self, forKey: .due)
    phase = try container.decode(ReviewPhase.self, forKey: .phase)
    step = try container.decodeIfPresent(Int.self, forKey: .step)
    lastReview = try container.decodeIfPresent(Date.self, forKey: .lastReview)
    reps = try container.decode(Int.self, forKey: .reps)
    lapses = try container.decode(Int.self, forKey: .lapses)
    if let (key, why) = refusal {
      throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: why)
    }
    unknown = try UnknownKeys(from: decoder, known: Self.knownKeys)
  }

  /// Whether the scheduler can work from this state: what `init(from:)` refuses is not.
  var isSchedulable: Bool { refusal == nil }

  /// The first value the scheduler cannot work from, with its key and why; nil for none.
  private var refusal: (CodingKeys, String)? {
    if let stability, !(stability > 0 && stability.isFinite) {
      return (.stability, "\(stability) is not a positive number of days")
    }
    if let difficulty, !(1...10).contains(difficulty) {
      return (.difficulty, "\(difficulty) is outside 1-10")
    }
    if let step, step < 0 { return (.step, "\(step) cannot be negative") }
    if phase != .review && step == nil {
      return (.step, "an item in \(phase.rawValue) needs its step")
    }
    if phase != .learning && (stability == nil || difficulty == nil) {
      return (.stability, "an item in \(phase.rawValue) needs stability and difficulty")
    }
    if reps < 0 { return (.reps, "\(reps) cannot be negative") }
    if lapses < 0 { return (.lapses, "\(lapses) cannot be negative") }
    return nil
  }
}
