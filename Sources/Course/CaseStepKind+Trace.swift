/// How a step kind relates to the engine's trace and to quiz topics: shared by the tutor's
/// feedback and the exports, so both explain an answer with the same lines.
extension CaseStepKind {
  /// The trace lines that explain this kind of answer, chosen by their labels.
  public func explains(_ line: String) -> Bool {
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
  public var topic: String {
    switch self {
    case .grade, .who2010: "grading"
    case .t, .stage, .lmType: "staging"
    case .transplantEligible, .milanFailures: "transplant"
    case .nextStep, .treatment, .adjuncts: "treatment"
    }
  }
}
