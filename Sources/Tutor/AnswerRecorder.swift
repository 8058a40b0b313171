import Foundation
import Identifiers
import Progress

/// The question or case step on screen in an activity: when it was shown, the hints asked for
/// it, and whether its feedback is showing (Enter then goes on).
struct OnScreen: Equatable {
  /// When the item was shown: an answer's duration counts from here.
  var shownAt: Date
  /// Hints shown before the answer.
  var hintsUsed = 0
  /// The item was answered and its feedback is on screen.
  var answered = false
}

/// Builds every answer the tutor records, counts it in the session, and keeps it until the
/// shell hands it to the answer log.
///
/// The one seam between the tutor and the learner's files: it calls `Session.record(_:)` on
/// the session in memory and nothing else; the shell then passes `take()`'s answers to
/// `OpenSession.append(_:)` and the session to `OpenSession.save(_:)`.
struct AnswerRecorder {
  /// How an answer went.
  enum Verdict: Equatable {
    /// A check question, right or not.
    case question(correct: Bool)
    /// A case step, graded by the clinical engine.
    case caseStep(Outcome)
    /// Left unanswered (`skip`): not correct, and `skipped` for a case step.
    case skipped
  }

  /// Answers counted in the session but not yet taken for the answer log, oldest first.
  private(set) var unsaved: [Answer] = []

  /// Records `response` to `item`, shown as `asked`, answered at `now`: the answer is counted
  /// in `session` (and its review rescheduled) now, and kept for the log.
  mutating func record(
    _ item: ItemID, response: [String], verdict: Verdict, asked: OnScreen, at now: Date,
    in session: inout Session
  ) {
    let correct: Bool
    let outcome: Outcome?
    switch verdict {
    case .question(let right): (correct, outcome) = (right, nil)
    case .caseStep(let graded): (correct, outcome) = (graded.isRight, graded)
    case .skipped: (correct, outcome) = (false, item.isCaseStep ? .skipped : nil)
    }
    let answer = Answer(
      item: item, response: response.sorted(), correct: correct, skipped: verdict == .skipped,
      at: now, durationMs: Self.milliseconds(from: asked.shownAt, to: now),
      hintsUsed: asked.hintsUsed, outcome: outcome)
    unsaved.append(answer)
    session.record(answer)
  }

  /// Hands over the answers recorded since the last call.
  mutating func take() -> [Answer] {
    defer { unsaved = [] }
    return unsaved
  }

  /// Whole milliseconds from `start` to `end`, never negative (a clock set back).
  static func milliseconds(from start: Date, to end: Date) -> Int {
    max(0, Int((end.timeIntervalSince(start) * 1000).rounded()))
  }
}
