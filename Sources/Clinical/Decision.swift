/// The treatment decision for a case with liver metastases (ALGORITHM.md, section 4).
///
/// The first rule whose condition holds decides; later rules are not consulted. The rules are
/// tried in the order D2a, D1, D2, D3, D2b, D4 … D9, a reconstruction of the review's Figure 3
/// for teaching.
public struct Decision: Sendable, Equatable {
  /// The deciding rule; `nil` outside the algorithm.
  public var rule: DecisionRule?
  /// The branch of N or S the rule went through, if any.
  public var branch: BranchID?
  /// The engine's first choice; `nil` outside the algorithm.
  public var best: ClinicalOption?
  /// Alternatives of similar standing, which a quiz accepts as correct.
  public var acceptable: [ClinicalOption]
  /// Options the case rules out.
  public var contraindicated: [ClinicalOption]
  /// One line per rule that fired.
  public var trace: [TraceLine]

  /// The rule and branch as the JSON output writes them (`D7`, `D4/S1`, `D8/N2`); `nil`
  /// outside the algorithm.
  public var ruleID: String? {
    rule.map { rule in branch.map { "\(rule.id)/\($0.id)" } ?? rule.id }
  }

  static let source = "(Frilling A et al., HPB 2010, Figure 3, reconstructed)"

  /// The decision for a case, given its grade and the Milan criteria it fails.
  public static func decide(
    for facts: CaseFacts, grade: Grade?, milanFailures: [MilanFailure]
  ) -> Decision {
    guard let liver = facts.liver else {
      return Decision(
        rule: nil, branch: nil, best: nil, acceptable: [], contraindicated: [],
        trace: [
          TraceLine(
            .outside,
            "decision: no liver metastases → outside the algorithm, which treats "
              + "liver metastases \(source)")
        ])
    }
    if let early = decideFirst(facts, grade: grade) {
      return early
    }
    if grade == .g3 {
      return wellDifferentiatedG3(facts, liver: liver)
    }
    let barred = taceBars(facts)
    var decision = decideByLiver(facts, liver: liver, barred: !barred.isEmpty, milanFailures)
    if !barred.isEmpty {
      decision.contraindicated.appendUnique(contentsOf: [.tace])
      decision.trace.append(
        TraceLine(
          .taceBar,
          "TACE barred by \(barred.map(\.name).joined(separator: " and ")) → TAE/TACE "
            + "contraindicated (simplified bars"
            + (barred.contains(.bilioentericAnastomosis)
              ? "; after a bilioenteric anastomosis the risk is a liver abscess)" : ")")))
    }
    return decision
  }

  /// The contraindications present that bar TACE.
  public static func taceBars(_ facts: CaseFacts) -> [Contraindication] {
    [Contraindication.portalVeinThrombosis, .bilioentericAnastomosis].filter {
      facts.contraindications.contains($0)
    }
  }

  /// A decision of one rule with no branch.
  static func ruled(
    _ rule: DecisionRule, best: ClinicalOption, acceptable: [ClinicalOption] = [],
    contraindicated: [ClinicalOption] = [], _ lines: [String]
  ) -> Decision {
    Decision(
      rule: rule, branch: nil, best: best, acceptable: acceptable,
      contraindicated: contraindicated,
      trace: lines.map { TraceLine(.decision(rule), "\(rule.id): \($0)") })
  }
}
