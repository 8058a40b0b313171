import Foundation
import Identifiers
import Testing

@testable import Progress

/// `RatingRule`: the rating follows from the answer, so learners never grade themselves.
@Suite("FSRS rating rule")
struct FSRSRatingRuleTests {
  static let now = Date(timeIntervalSince1970: 1_709_283_600)

  /// The record of an item answered right once, then in the given phase.
  static func record(phase: ReviewPhase?, correctCount: Int = 1) -> ItemRecord {
    let review = phase.map {
      ReviewState(
        stability: 3, difficulty: 5, due: now, phase: $0, step: $0 == .review ? nil : 0,
        lastReview: now - 86_400, reps: 2, lapses: 0)
    }
    return ItemRecord(attempts: 2, correctCount: correctCount, review: review)
  }

  struct Row: Sendable, CustomTestStringConvertible {
    var label: String
    var item = "grading/ki67-g2"
    var correct = true
    var skipped = false
    var durationMs = 20_000
    var hints = 0
    var previous: ItemRecord? = nil
    var expected: ReviewRating
    var testDescription: String { label }
  }

  static let rows: [Row] = [
    Row(label: "wrong", correct: false, expected: .again),
    Row(
      label: "wrong and fast, in review", correct: false, durationMs: 2_000,
      previous: record(phase: .review), expected: .again),
    Row(label: "skipped", correct: false, skipped: true, durationMs: 0, expected: .again),
    Row(label: "right", expected: .good),
    Row(label: "right with a hint", hints: 1, expected: .hard),
    Row(
      label: "right with a hint, fast, in review", durationMs: 5_000, hints: 2,
      previous: record(phase: .review), expected: .hard),
    Row(label: "check question at 60 s is not slow", durationMs: 60_000, expected: .good),
    Row(label: "check question over 60 s", durationMs: 60_001, expected: .hard),
    Row(
      label: "case step at 61 s is not slow", item: "case/c1/best", durationMs: 61_000,
      expected: .good),
    Row(
      label: "case step at 90 s is not slow", item: "case/c1/best", durationMs: 90_000,
      expected: .good),
    Row(label: "case step over 90 s", item: "case/c1/best", durationMs: 90_001, expected: .hard),
    Row(label: "fast, first answer", durationMs: 3_000, expected: .good),
    Row(
      label: "fast, still learning", durationMs: 3_000, previous: record(phase: .learning),
      expected: .good),
    Row(
      label: "fast, relearning", durationMs: 3_000, previous: record(phase: .relearning),
      expected: .good),
    Row(
      label: "fast, in review", durationMs: 14_999, previous: record(phase: .review),
      expected: .easy),
    Row(
      label: "15 s is not fast", durationMs: 15_000, previous: record(phase: .review),
      expected: .good),
    Row(
      label: "fast in review, but never right before", durationMs: 3_000,
      previous: record(phase: .review, correctCount: 0), expected: .good),
    Row(
      label: "fast in review, a case step", item: "case/c1/best", durationMs: 3_000,
      previous: record(phase: .review), expected: .easy),
    Row(
      label: "fast in review, record from before scheduling", durationMs: 3_000,
      previous: record(phase: nil), expected: .good),
  ]

  @Test("answers are rated by what they show", arguments: rows)
  func rating(row: Row) {
    let answer = Answer(
      item: ItemID(row.item), response: row.skipped ? [] : ["a"], correct: row.correct,
      skipped: row.skipped, at: Self.now, durationMs: row.durationMs, hintsUsed: row.hints)
    #expect(RatingRule.rating(for: answer, previous: row.previous) == row.expected)
  }
}
