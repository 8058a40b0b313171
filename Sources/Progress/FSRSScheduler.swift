import Foundation

/// The FSRS-6 spaced-repetition scheduler: when to show an item again, from how well it
/// was recalled.
///
/// It follows the `Scheduler` of the PyPI package `fsrs` 6.x step for step, with fuzzing
/// off, so the same history gives the same stability, difficulty and due date (the
/// fixtures in `Tests/ProgressTests/Fixtures/fsrs` are made by that package). An item is
/// learned through short steps, then scheduled in whole days so that the predicted chance
/// of recall on the due date is `desiredRetention`; forgotten items relearn through short
/// steps again. See `Docs/review-scheduling.md`.
public struct FSRSScheduler: Sendable, Equatable {
  /// The 21 default FSRS-6 weights (`fsrs.scheduler.DEFAULT_PARAMETERS`).
  public static let defaultParameters: [Double] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
  ]

  /// The model's 21 weights, w0 … w20.
  public let parameters: [Double]
  /// The chance of recall the intervals aim for on the due date (0.9 is 90 %).
  public let desiredRetention: Double
  /// The waits between the steps of learning a new item, in seconds.
  public let learningSteps: [TimeInterval]
  /// The waits between the steps of relearning a forgotten item, in seconds.
  public let relearningSteps: [TimeInterval]
  /// The longest interval in days.
  public let maximumInterval: Int

  /// The forgetting curve's exponent, -w20.
  let decay: Double
  /// Scales the curve so that recall is 90 % after `stability` days.
  let factor: Double

  /// A scheduler; the defaults are those of the `fsrs` package (fuzzing aside, which nelm
  /// leaves off so that schedules can be checked and replayed).
  ///
  /// - Precondition: `parameters` holds 21 weights.
  public init(
    parameters: [Double] = FSRSScheduler.defaultParameters, desiredRetention: Double = 0.9,
    learningSteps: [TimeInterval] = [60, 600], relearningSteps: [TimeInterval] = [600],
    maximumInterval: Int = 36500
  ) {
    precondition(parameters.count == 21, "FSRS-6 takes 21 parameters, not \(parameters.count)")
    self.parameters = parameters
    self.desiredRetention = desiredRetention
    self.learningSteps = learningSteps
    self.relearningSteps = relearningSteps
    self.maximumInterval = maximumInterval
    decay = -parameters[20]
    factor = pow(0.9, 1 / decay) - 1
  }

  /// The state of an item never reviewed: learning, first step, due at `date`.
  public static func newState(at date: Date) -> ReviewState {
    ReviewState(
      stability: nil, difficulty: nil, due: date, phase: .learning, step: 0, lastReview: nil,
      reps: 0, lapses: 0)
  }

  /// The state after reviewing an item at `date` with `rating`; `state` nil is a new item.
  ///
  /// Stability and difficulty change first (from the state before the review), then the
  /// phase, step and due date follow from the rating.
  public func review(_ state: ReviewState?, rating: ReviewRating, at date: Date) -> ReviewState {
    var next = state ?? Self.newState(at: date)
    let elapsed = next.lastReview.map { Self.wholeDays(from: $0, to: date) }
    if let stability = next.stability, let difficulty = next.difficulty {
      if let elapsed, elapsed < 1 {
        next.stability = shortTermStability(stability, rating: rating)
      } else {
        let recall = retrievability(elapsedDays: elapsed, stability: stability)
        next.stability = nextStability(
          difficulty: difficulty, stability: stability, retrievability: recall, rating: rating)
      }
      next.difficulty = nextDifficulty(difficulty, rating: rating)
    } else {
      next.stability = initialStability(rating)
      next.difficulty = initialDifficulty(rating, clamped: true)
    }
    let stability = next.stability ?? FSRSScheduler.minimumStability
    let wait: TimeInterval
    switch next.phase {
    case .learning, .relearning:
      let steps = next.phase == .learning ? learningSteps : relearningSteps
      (next.phase, next.step, wait) = stepped(
        next.phase, steps: steps, step: next.step ?? 0, rating: rating, stability: stability)
    case .review where rating == .again:
      next.lapses = next.lapses.addingSaturated(1)
      if let first = relearningSteps.first {
        (next.phase, next.step, wait) = (.relearning, 0, first)
      } else {
        wait = days(interval(for: stability))
      }
    case .review:
      wait = days(interval(for: stability))
    }
    // A file holds dates up to 9999: a review due later is held to that (an answer dated in
    // 9999 would otherwise make every save fail).
    next.due = Timestamp.clamped(date.addingTimeInterval(wait))
    next.lastReview = date
    next.reps = next.reps.addingSaturated(1)
    return next
  }

  /// The next phase, step and wait of an item in learning or relearning, through `steps`.
  private func stepped(
    _ phase: ReviewPhase, steps: [TimeInterval], step: Int, rating: ReviewRating,
    stability: Double
  ) -> (ReviewPhase, Int?, TimeInterval) {
    let graduated: (ReviewPhase, Int?, TimeInterval) = (
      .review, nil, days(interval(for: stability))
    )
    // Past the last step (the steps were shortened since): any recall graduates.
    guard !steps.isEmpty, step < steps.count || rating == .again else { return graduated }
    switch rating {
    case .again:
      return (phase, 0, steps[0])
    case .hard where step == 0:
      let wait = steps.count == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2
      return (phase, step, Self.wholeMicroseconds(wait))
    case .hard:
      return (phase, step, steps[step])
    case .good where step + 1 < steps.count:
      return (phase, step + 1, steps[step + 1])
    case .good, .easy:
      return graduated
    }
  }

  /// The interval in whole days for an item of `stability`: rounded half to even (Python's
  /// `round`), at least 1, at most `maximumInterval`.
  public func interval(for stability: Double) -> Int {
    let raw = (stability / factor) * (pow(desiredRetention, 1 / decay) - 1)
    guard raw.isFinite else { return raw > 0 ? maximumInterval : 1 }
    let rounded = raw.rounded(.toNearestOrEven)
    return Int(min(max(rounded, 1), Double(maximumInterval)))
  }

  private func days(_ count: Int) -> TimeInterval { TimeInterval(count) * 86_400 }

  /// Whole days from `start` to `end`, rounded down as Python's `timedelta.days` does (it
  /// counts in microseconds, so the difference is rounded to those first).
  static func wholeDays(from start: Date, to end: Date) -> Int {
    let microseconds = (end.timeIntervalSince(start) * 1_000_000).rounded()
    return Int((microseconds / 86_400_000_000).rounded(.down))
  }

  /// A wait rounded to the microsecond, as Python's `timedelta` keeps it.
  private static func wholeMicroseconds(_ seconds: TimeInterval) -> TimeInterval {
    (seconds * 1_000_000).rounded(.toNearestOrEven) / 1_000_000
  }
}
