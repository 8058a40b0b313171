import Clinical
import Identifiers

/// How a step kind relates to the engine's trace and to quiz topics: shared by the tutor's
/// feedback, the generated cases' points and the exports, so all explain an answer with the
/// same lines.
extension CaseStepKind {
  /// Whether a trace line explains this kind of answer, chosen by the line's rule and topic
  /// (never by its wording).
  public func explains(_ line: TraceLine) -> Bool {
    switch self {
    case .grade: line.rule == .grade
    case .who2010: line.rule == .grade || line.rule == .who2010
    case .t: line.rule == .tCategory
    case .stage: [.tCategory, .nCategory, .mCategory, .stage].contains(line.rule)
    case .lmType: line.rule == .lmType
    case .transplantEligible, .milanFailures: line.topic == .transplant
    case .nextStep, .treatment: line.topic == .treatment
    case .adjuncts: line.topic == .adjuncts
    }
  }

  /// The trace lines of an assessment that explain this kind of answer, in trace order.
  public func reasons(in assessment: Assessment) -> [String] {
    assessment.trace.filter(explains).map(\.text)
  }

  /// The topic a step of this kind counts towards in quiz summaries and `progress`.
  public var topic: CaseTopic {
    switch self {
    case .grade, .who2010: .grading
    case .t, .stage, .lmType: .staging
    case .transplantEligible, .milanFailures: .transplant
    case .nextStep, .treatment, .adjuncts: .treatment
    }
  }
}
