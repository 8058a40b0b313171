import Foundation

/// The FSRS-6 memory model: how stability and difficulty change with each review.
///
/// Each formula is written as `fsrs.scheduler` writes it, in the same order of operations,
/// and `e^x` is `pow(e, x)` as Python's `math.e ** x` is, not `exp(x)`: the two can differ in
/// the last bit, and a last bit can tip an interval's rounding to another day.
extension FSRSScheduler {
  /// The smallest stability the model allows (`STABILITY_MIN`).
  static let minimumStability = 0.001
  /// Python's `math.e`.
  private static let e = 2.718_281_828_459_045

  private var w: [Double] { parameters }

  /// The probability of recall after `elapsedDays` whole days (0 for a never-reviewed item).
  func retrievability(elapsedDays: Int?, stability: Double) -> Double {
    guard let elapsedDays else { return 0 }
    return pow(1 + factor * Double(max(0, elapsedDays)) / stability, decay)
  }

  /// Stability after the first review: w0 … w3 by rating.
  func initialStability(_ rating: ReviewRating) -> Double {
    clampStability(w[rating.rawValue - 1])
  }

  /// Difficulty after the first review: w4 − e^(w5 · (rating − 1)) + 1.
  func initialDifficulty(_ rating: ReviewRating, clamped: Bool) -> Double {
    let difficulty = w[4] - pow(Self.e, w[5] * Double(rating.rawValue - 1)) + 1
    return clamped ? clampDifficulty(difficulty) : difficulty
  }

  /// Stability after a review on the same day as the last one (less than a whole day).
  func shortTermStability(_ stability: Double, rating: ReviewRating) -> Double {
    var increase =
      pow(Self.e, w[17] * (Double(rating.rawValue - 3) + w[18])) * pow(stability, -w[19])
    if rating != .again { increase = max(increase, 1) }
    return clampStability(stability * increase)
  }

  /// Difficulty after a review: a linearly damped step, reverted towards the Easy difficulty.
  func nextDifficulty(_ difficulty: Double, rating: ReviewRating) -> Double {
    let easy = initialDifficulty(.easy, clamped: false)
    let delta = -(w[6] * Double(rating.rawValue - 3))
    let damped = difficulty + (10 - difficulty) * delta / 9
    return clampDifficulty(w[7] * easy + (1 - w[7]) * damped)
  }

  /// Stability after a review a day or more after the last one.
  func nextStability(
    difficulty: Double, stability: Double, retrievability: Double, rating: ReviewRating
  ) -> Double {
    let next =
      rating == .again
      ? forgetStability(
        difficulty: difficulty, stability: stability, retrievability: retrievability)
      : recallStability(
        difficulty: difficulty, stability: stability, retrievability: retrievability,
        rating: rating)
    return clampStability(next)
  }

  private func forgetStability(
    difficulty: Double, stability: Double, retrievability: Double
  ) -> Double {
    let longTerm =
      w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1)
      * pow(Self.e, (1 - retrievability) * w[14])
    let shortTerm = stability / pow(Self.e, w[17] * w[18])
    return min(longTerm, shortTerm)
  }

  private func recallStability(
    difficulty: Double, stability: Double, retrievability: Double, rating: ReviewRating
  ) -> Double {
    let hardPenalty = rating == .hard ? w[15] : 1
    let easyBonus = rating == .easy ? w[16] : 1
    return stability
      * (1 + pow(Self.e, w[8]) * (11 - difficulty) * pow(stability, -w[9])
        * (pow(Self.e, (1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus)
  }

  private func clampStability(_ stability: Double) -> Double {
    max(stability, Self.minimumStability)
  }

  private func clampDifficulty(_ difficulty: Double) -> Double {
    min(max(difficulty, 1), 10)
  }
}
