import Clinical
import Course
import Identifiers

/// How one answer to a case step fares against the engine's key.
struct CaseVerdict: Equatable {
  /// `correct`, `acceptable` or `wrong`.
  var outcome: Outcome
  /// Right ids the learner left out (several-answer steps).
  var missed: [String]
  /// Ids the learner chose that are not right.
  var extra: [String]
  /// The chosen option is contraindicated on these facts.
  var contraindicated: Bool

  /// Grades `response` (choice ids) against `key`.
  static func grade(_ response: [String], against key: CaseAnswerKey, several: Bool)
    -> CaseVerdict
  {
    let chosen = Set(response)
    let right = Set(key.correct)
    if several {
      let missed = key.correct.filter { !chosen.contains($0) }
      let extra = response.filter { !right.contains($0) }
      let outcome: Outcome = missed.isEmpty && extra.isEmpty ? .correct : .wrong
      return CaseVerdict(outcome: outcome, missed: missed, extra: extra, contraindicated: false)
    }
    guard let choice = response.first else {
      return CaseVerdict(outcome: .wrong, missed: key.correct, extra: [], contraindicated: false)
    }
    if right.contains(choice) {
      return CaseVerdict(outcome: .correct, missed: [], extra: [], contraindicated: false)
    }
    if key.acceptable.contains(choice) {
      return CaseVerdict(outcome: .acceptable, missed: [], extra: [], contraindicated: false)
    }
    return CaseVerdict(
      outcome: .wrong, missed: key.correct, extra: [choice],
      contraindicated: key.contraindicated.contains(choice))
  }
}
