/// How well an item was recalled, as the FSRS scheduler takes it.
///
/// The raw values are FSRS's (1 = Again … 4 = Easy). nelm never asks learners to grade
/// themselves: `RatingRule` derives the rating from the answer.
public enum ReviewRating: Int, Codable, Sendable, CaseIterable {
  /// Forgotten: a wrong or skipped answer.
  case again = 1
  /// Recalled with difficulty: right, but with a hint or slowly.
  case hard
  /// Recalled.
  case good
  /// Recalled at once.
  case easy

  /// The rating's name in lower case (`again`, `hard`, `good`, `easy`).
  public var name: String {
    switch self {
    case .again: "again"
    case .hard: "hard"
    case .good: "good"
    case .easy: "easy"
    }
  }
}

/// Where an item is in the FSRS cycle: the `State` of the `fsrs` package, in lower case.
public enum ReviewPhase: String, Codable, Sendable, CaseIterable {
  /// New or being learned: short steps (1 min, 10 min by default) before the first interval.
  case learning
  /// Learned: scheduled in whole days from its stability.
  case review
  /// Forgotten after being learned: short relearning steps, then back to review.
  case relearning
}
