/// One line of the engine's trace: which rule or finding wrote it, the topic it explains, and
/// the words a learner reads.
///
/// Consumers choose lines by `rule` and `topic`, never by their wording, so a line can be
/// reworded without changing which lines a learner sees.
public struct TraceLine: Sendable, Equatable {
  /// The rule or finding that wrote the line.
  public var rule: TraceRule
  /// The words: the numbers that decided, the rule in clinical words, and the source.
  public var text: String

  /// What the line explains.
  public var topic: TraceTopic { rule.topic }

  /// Creates a line from its parts.
  public init(_ rule: TraceRule, _ text: String) {
    self.rule = rule
    self.text = text
  }
}

/// The rule or finding behind a trace line.
public enum TraceRule: Hashable, Sendable {
  /// The grade from Ki-67 and mitoses.
  case grade
  /// The WHO 2010 category.
  case who2010
  /// The ENETS T category.
  case tCategory
  /// The N category (the input).
  case nCategory
  /// The M category.
  case mCategory
  /// The ENETS stage group.
  case stage
  /// The Frilling type of the liver metastases.
  case lmType
  /// Whether the primary drains to the portal system (a Milan criterion).
  case portalDrainage
  /// The Milan criteria.
  case milan
  /// No liver metastases: outside the algorithm.
  case outside
  /// A decision rule (D1…D9).
  case decision(DecisionRule)
  /// A branch of N or S.
  case branch(BranchID)
  /// The contraindications that bar TACE.
  case taceBar
  /// An adjunct added to the best option.
  case adjunct(Adjunct)

  /// What a line of this rule explains.
  public var topic: TraceTopic {
    switch self {
    case .grade, .who2010: .grading
    case .tCategory, .nCategory, .mCategory, .stage, .lmType: .staging
    case .portalDrainage, .milan: .transplant
    case .outside, .decision, .branch, .taceBar: .treatment
    case .adjunct: .adjuncts
    }
  }
}

/// The subject a trace line explains, as the course's step kinds and quiz topics group them.
public enum TraceTopic: String, CaseIterable, Sendable {
  /// Grade and WHO 2010 category.
  case grading
  /// T, N, M, stage and the liver-metastasis type.
  case staging
  /// The Milan criteria.
  case transplant
  /// The decision: rules, branches and the TACE bars.
  case treatment
  /// What goes with the best option.
  case adjuncts
}
