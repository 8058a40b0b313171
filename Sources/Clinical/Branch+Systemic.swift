extension Branch {
  /// S — systemic first (the first branch that holds).
  static func systemic(_ facts: CaseFacts, taceBarred: Bool) -> Branch {
    if let watchful = watchful(facts, id: .s0) {
      return watchful
    }
    let site = facts.primary.site
    var branch: Branch
    if ssaFirst(facts) {
      var alternatives = Alternatives(best: .ssa, site: site)
      if let why = SystemicChoices.prrtBeforeSSA(facts) { alternatives.add(.prrt, why) }
      if let (option, why) = SystemicChoices.fittingChemotherapy(facts) {
        alternatives.add(option, why)
      }
      branch = Branch(.s1, best: .ssa, alternatives, ssaFirstReason(facts))
    } else if facts.sstr == .positive {
      var alternatives = Alternatives(best: .prrt, site: site)
      if site == .pancreas { alternatives.add(.chemoStz, "pancreatic primary") }
      if facts.syndrome && !facts.progressive {
        alternatives.add(.interferon, "refractory syndrome, not progressive")
      }
      branch = Branch(
        .s2, best: .prrt, alternatives,
        "\(situation(facts)), SSTR positive → \(ClinicalOption.prrt.name) (NETTER-1: "
          + "progression on an SSA; Strosberg J et al., N Engl J Med 2017)")
    } else if site == .pancreas {
      branch = Branch(
        .s3, best: .chemoStz, Alternatives(best: .chemoStz, site: site),
        "\(situation(facts)), SSTR \(facts.sstr.rawValue), pancreatic primary → "
          + ClinicalOption.chemoStz.name)
    } else if let ki67 = facts.pathology.ki67, ki67 > 15 {
      var alternatives = Alternatives(best: .chemoTem, site: site)
      alternatives.add(.interferon)
      branch = Branch(
        .s4, best: .chemoTem, alternatives,
        "\(situation(facts)), SSTR \(facts.sstr.rawValue), primary \(site.rawValue), "
          + "Ki-67 \(formatNumber(ki67)) % > 15 % → \(ClinicalOption.chemoTem.name)")
    } else {
      var alternatives = Alternatives(best: .interferon, site: site)
      alternatives.add(.chemoTem)
      branch = Branch(
        .s4, best: .interferon, alternatives,
        "\(situation(facts)), primary \(site.rawValue), \(receptorAndKi67(facts)) "
          + "(not over 15 %) → \(ClinicalOption.interferon.name)")
    }
    if facts.syndrome && facts.onSSA {
      // A syndrome refractory to SSAs can be controlled through the liver even when the
      // disease is systemic.
      let why = "refractory syndrome: liver-dominant symptom control"
      if !taceBarred { branch.alternatives.add(.tace, why) }
      branch.alternatives.add(.sirt, why)
    }
    return branch
  }
}
