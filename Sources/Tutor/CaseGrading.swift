import Clinical
import Course

/// How one answer to a case step fares against the engine's key.
struct CaseVerdict: Equatable {
  /// `correct`, `acceptable` or `wrong`, as recorded in the session file.
  enum Outcome: String {
    case correct, acceptable, wrong
  }

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

extension CaseStepKind {
  /// The trace lines that explain this kind of answer, chosen by their labels.
  func explains(_ line: String) -> Bool {
    let label = line.prefix { $0 != ":" && $0 != "," }
    switch self {
    case .grade: return label == "grade"
    case .who2010: return label == "grade" || label == "WHO 2010"
    case .t: return label == "T"
    case .stage: return ["T", "N", "M", "stage"].contains(label)
    case .lmType: return label == "liver-metastasis type"
    case .transplantEligible, .milanFailures:
      return label == "Milan" || label == "portal drainage"
    case .nextStep, .treatment:
      // Rule lines (D7: …) and branch lines (N1: …, S2: …).
      return ["D", "N", "S"].contains(label.first) && label.dropFirst().first?.isNumber == true
    case .adjuncts: return label.hasPrefix("adjunct")
    }
  }

  /// The topic a step of this kind counts towards in quiz summaries.
  var topic: String {
    switch self {
    case .grade, .who2010: "grading"
    case .t, .stage, .lmType: "staging"
    case .transplantEligible, .milanFailures: "transplant"
    case .nextStep, .treatment, .adjuncts: "treatment"
    }
  }
}
