/// The clinical engine: deterministic rules from facts to an assessment (ALGORITHM.md).
public enum ClinicalEngine {
  /// Applies every rule of the contract to a case.
  public static func assess(_ facts: CaseFacts) -> Assessment {
    let pathology = facts.pathology
    let grade = Grade.of(ki67: pathology.ki67, mitoses: pathology.mitoses)
    let who = WHO2010Category.of(differentiation: pathology.differentiation, grade: grade)
    let t = TCategory.of(facts.primary)
    let m = MCategory.of(liver: facts.liver, extrahepatic: facts.extrahepatic)
    let failures = TransplantEligibility.failures(of: facts)
    let decision = Decision.decide(for: facts, grade: grade, milanFailures: failures)
    let adjuncts = Adjuncts.of(facts, decision: decision, milanFailures: failures)
    let site = facts.primary.site
    let findings: [TraceLine] = [
      TraceLine(.grade, Grade.explain(ki67: pathology.ki67, mitoses: pathology.mitoses)),
      TraceLine(
        .who2010,
        WHO2010Category.explain(differentiation: pathology.differentiation, grade: grade)),
      TraceLine(.tCategory, TCategory.explain(facts.primary)),
      TraceLine(.nCategory, "N: \(facts.nodes.rawValue) (given)"),
      TraceLine(
        .mCategory, MCategory.explain(liver: facts.liver, extrahepatic: facts.extrahepatic)),
      TraceLine(.stage, Stage.explain(t: t, n: facts.nodes, m: m)),
      TraceLine(.lmType, LiverMetastasisType.explain(liver: facts.liver)),
      TraceLine(
        .portalDrainage,
        "portal drainage: \(site.rawValue) → " + (site.isPortalDrained ? "yes" : "no")
          + " (Milan: distal stomach to sigmoid colon; the rectum counts as non-portal)"),
      TraceLine(.milan, TransplantEligibility.explain(failures, facts: facts)),
    ]
    let trace = findings + decision.trace + adjuncts.trace
    return Assessment(
      grade: grade, who2010: who, t: t, n: facts.nodes, m: m,
      stage: Stage.of(t: t, n: facts.nodes, m: m),
      lmType: LiverMetastasisType.of(liver: facts.liver),
      portalDrained: site.isPortalDrained, transplantEligible: failures.isEmpty,
      transplantFailures: failures, rule: decision.ruleID, decisionRule: decision.rule,
      branch: decision.branch, best: decision.best, acceptable: decision.acceptable,
      contraindicated: decision.contraindicated, adjuncts: adjuncts.adjuncts, trace: trace,
      age: facts.age)
  }
}
