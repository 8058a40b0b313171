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
    let trace =
      [
        Grade.explain(ki67: pathology.ki67, mitoses: pathology.mitoses),
        WHO2010Category.explain(differentiation: pathology.differentiation, grade: grade),
        TCategory.explain(facts.primary),
        "N: \(facts.nodes.rawValue) (given)",
        MCategory.explain(liver: facts.liver, extrahepatic: facts.extrahepatic),
        Stage.explain(t: t, n: facts.nodes, m: m),
        LiverMetastasisType.explain(liver: facts.liver),
        "portal drainage: \(site.rawValue) → " + (site.isPortalDrained ? "yes" : "no")
          + " (Milan: distal stomach to sigmoid colon; the rectum counts as non-portal)",
        TransplantEligibility.explain(failures, facts: facts),
      ] + decision.trace + adjuncts.trace
    return Assessment(
      grade: grade, who2010: who, t: t, n: facts.nodes, m: m,
      stage: Stage.of(t: t, n: facts.nodes, m: m),
      lmType: LiverMetastasisType.of(liver: facts.liver),
      portalDrained: site.isPortalDrained, transplantEligible: failures.isEmpty,
      transplantFailures: failures, rule: decision.rule, best: decision.best,
      acceptable: decision.acceptable, contraindicated: decision.contraindicated,
      adjuncts: adjuncts.adjuncts, trace: trace)
  }
}
