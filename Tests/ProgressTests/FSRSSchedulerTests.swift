import Foundation
import Testing

@testable import Progress

/// The FSRS-6 scheduler on cases worked out by hand from the formulas of `fsrs.scheduler`
/// (default weights w0 … w20, retention 0.9, steps 1 min + 10 min, relearning 10 min).
@Suite("FSRS scheduler")
struct FSRSSchedulerTests {
  static let start = Date(timeIntervalSince1970: 1_709_283_600)  // 2024-03-01T09:00:00Z
  let scheduler = FSRSScheduler()

  /// A new item's first review. Stability is w[rating − 1]; difficulty w4 − e^(w5·(r − 1)) + 1
  /// clamped to 1 … 10; the wait is a learning step, or the interval round(S) days (at
  /// retention 0.9 the interval formula reduces to S).
  @Test(
    "the first review of a new item",
    arguments: [
      (ReviewRating.again, 0.212, 6.4133, ReviewPhase.learning, 0 as Int?, 60.0),
      // Hard on the first step waits halfway between the two steps: (60 + 600) / 2.
      (.hard, 1.2931, 5.112170705601056, .learning, 0, 330),
      (.good, 2.3065, 2.118103970459016, .learning, 1, 600),
      // 6.4133 − e^2.5002 + 1 = −4.77, clamped to 1; graduates at once: round(8.2956) = 8 days.
      (.easy, 8.2956, 1, .review, nil, 8 * 86_400),
    ])
  func firstReview(
    rating: ReviewRating, stability: Double, difficulty: Double, phase: ReviewPhase,
    step: Int?, wait: TimeInterval
  ) throws {
    let state = scheduler.review(nil, rating: rating, at: Self.start)
    #expect(try #require(state.stability) == stability)
    #expect(abs(try #require(state.difficulty) - difficulty) < 1e-12)
    #expect(state.phase == phase)
    #expect(state.step == step)
    #expect(state.due == Self.start.addingTimeInterval(wait))
    #expect(state.lastReview == Self.start)
    #expect(state.reps == 1 && state.lapses == 0)
  }

  @Test("a nil state is a new item")
  func nilIsNew() {
    #expect(
      scheduler.review(nil, rating: .good, at: Self.start)
        == scheduler.review(FSRSScheduler.newState(at: Self.start), rating: .good, at: Self.start))
  }

  /// Intervals are whole days, rounded half to even as Python's `round`, from 1 to 36500.
  @Test(
    "intervals in whole days",
    arguments: [
      (0.3, 1), (1.5, 2), (2.5, 2), (3.5, 4), (8.2956, 8), (36_499.6, 36_500), (5e4, 36_500),
    ])
  func intervals(stability: Double, days: Int) {
    #expect(scheduler.interval(for: stability) == days)
  }

  @Test("a lower desired retention and a cap lengthen and bound the interval")
  func retentionAndCap() {
    // S / (0.9^(1/decay) − 1) · (0.8^(1/decay) − 1) with decay −0.1542:
    // (e^(0.2231 · 6.485) − 1) / (e^(0.1054 · 6.485) − 1) = 3.251 / 0.9806 = 3.316 × S.
    let relaxed = FSRSScheduler(desiredRetention: 0.8, maximumInterval: 365)
    #expect(relaxed.interval(for: 10) == 33)
    #expect(relaxed.interval(for: 1000) == 365)
  }

  @Test("recall is 90 % after `stability` days")
  func retrievability() {
    #expect(abs(scheduler.retrievability(elapsedDays: 10, stability: 10) - 0.9) < 1e-12)
    #expect(scheduler.retrievability(elapsedDays: nil, stability: 10) == 0)
    #expect(scheduler.retrievability(elapsedDays: 0, stability: 3) == 1)
  }

  /// Good, Good 10 minutes later (same day: short-term stability, whose increase
  /// e^(w17·w18) · S^−w19 = 0.994 is raised to 1, so S stays 2.3065), graduating for 2 days;
  /// Again 3 days later lapses into relearning; Hard on its only step waits 1.5 × 10 min;
  /// Good graduates again.
  @Test("learning, graduating, lapsing and relearning")
  func lifeCycle() throws {
    let minute: TimeInterval = 60
    let day: TimeInterval = 86_400
    var state = scheduler.review(nil, rating: .good, at: Self.start)
    state = scheduler.review(state, rating: .good, at: Self.start + 10 * minute)
    #expect(state.phase == .review && state.step == nil)
    #expect(state.stability == 2.3065)
    #expect(state.due == Self.start + 10 * minute + 2 * day)

    state = scheduler.review(state, rating: .again, at: Self.start + 3 * day)
    #expect(state.phase == .relearning && state.step == 0 && state.lapses == 1)
    #expect(state.due == Self.start + 3 * day + 10 * minute)
    // min(w11 · D^−w12 · ((S + 1)^w13 − 1) · e^((1 − R)·w14), S / e^(w17·w18)), R after 2 days.
    #expect(abs(try #require(state.stability) - 0.6077016626638644) < 1e-9)

    state = scheduler.review(state, rating: .hard, at: Self.start + 3 * day + 10 * minute)
    #expect(state.phase == .relearning && state.step == 0)
    #expect(state.due == Self.start + 3 * day + 25 * minute)

    state = scheduler.review(state, rating: .good, at: Self.start + 3 * day + 25 * minute)
    #expect(state.phase == .review && state.step == nil && state.reps == 5 && state.lapses == 1)
    #expect(state.due == Self.start + 4 * day + 25 * minute)
  }

  @Test("without relearning steps a lapse stays in review")
  func noRelearningSteps() {
    let scheduler = FSRSScheduler(relearningSteps: [])
    let learned = scheduler.review(nil, rating: .easy, at: Self.start)
    let lapsed = scheduler.review(learned, rating: .again, at: Self.start + 8 * 86_400)
    #expect(lapsed.phase == .review && lapsed.step == nil && lapsed.lapses == 1)
    #expect(lapsed.due >= lapsed.lastReview.map { $0 + 86_400 } ?? .distantFuture)
  }

  /// Seconds from one review to the next, and the whole days Python's `timedelta.days`
  /// makes of them (it rounds down, so a day less a millisecond is 0 days).
  static let gaps: [(TimeInterval, Int)] = [
    (86_399.999, 0), (86_400, 1), (86_400.001, 1), (-1, -1), (10 * 86_400 - 1, 9),
  ]

  @Test("whole days between reviews", arguments: gaps)
  func wholeDays(seconds: TimeInterval, days: Int) {
    let end = Self.start.addingTimeInterval(seconds)
    #expect(FSRSScheduler.wholeDays(from: Self.start, to: end) == days)
  }
}
