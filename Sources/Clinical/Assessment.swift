/// Everything the engine derives from one case: findings, decision, adjuncts and the trace.
public struct Assessment: Sendable, Equatable {
  /// ENETS/WHO 2010 grade; `nil` when unknown.
  public var grade: Grade?
  /// WHO 2010 category; `nil` when unknown.
  public var who2010: WHO2010Category?
  /// ENETS T category.
  public var t: TCategory
  /// Regional nodes (the input).
  public var n: NodalStatus
  /// M category.
  public var m: MCategory
  /// ENETS stage group; `nil` when unknown.
  public var stage: Stage?
  /// Frilling type; `nil` without liver metastases.
  public var lmType: LiverMetastasisType?
  /// Whether the primary drains to the portal system.
  public var portalDrained: Bool
  /// Whether every Milan criterion holds; false without liver metastases.
  public var transplantEligible: Bool
  /// The Milan criteria that fail, in criterion order.
  public var transplantFailures: [MilanFailure]
  /// The deciding rule and branch as the JSON output writes them (`D7`, `D4/S1`); `nil`
  /// outside the algorithm.
  public var rule: String?
  /// The deciding rule; `nil` outside the algorithm.
  public var decisionRule: DecisionRule?
  /// The branch of N or S the rule went through, if any.
  public var branch: BranchID?
  /// The engine's first choice; `nil` outside the algorithm.
  public var best: ClinicalOption?
  /// Alternatives of similar standing.
  public var acceptable: [ClinicalOption]
  /// Options the case rules out.
  public var contraindicated: [ClinicalOption]
  /// Steps added to the best option.
  public var adjuncts: [Adjunct]
  /// One line per rule that fired, for learners.
  public var trace: [TraceLine]
  /// The patient's age in years: the Milan age criterion weighs by it.
  public var age: Int

  /// How a failed Milan criterion weighs for this patient (age is absolute above 65).
  public func kind(of failure: MilanFailure) -> MilanFailureKind {
    failure.kind(age: age)
  }

  /// Whether a quiz counts an option as correct: the best option or an acceptable one.
  public func accepts(_ option: ClinicalOption) -> Bool {
    option == best || acceptable.contains(option)
  }
}
