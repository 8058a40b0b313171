extension Branch {
  /// N — liver-directed, or watchful (the first branch that holds).
  static func liverDirected(
    _ facts: CaseFacts, liver: CaseFacts.Liver, taceBarred: Bool
  ) -> Branch {
    if let watchful = watchful(facts, id: .n0) {
      return watchful
    }
    let site = facts.primary.site
    let chemotherapy = SystemicChoices.fittingChemotherapy(facts)
    if ssaFirst(facts) {
      var alternatives = Alternatives(best: .ssa, site: site)
      if facts.progressive && !taceBarred { alternatives.add(.tace, "progressive") }
      if let why = SystemicChoices.prrtBeforeSSA(facts) { alternatives.add(.prrt, why) }
      if let (option, why) = chemotherapy { alternatives.add(option, why) }
      return Branch(.n1, best: .ssa, alternatives, ssaFirstReason(facts))
    }
    let involvement = liver.involvementPercent
    let replaced = "\(formatNumber(involvement)) % of the liver replaced"
    if !taceBarred && involvement <= 50 {
      var alternatives = Alternatives(best: .tace, site: site)
      alternatives.add(.sirt)
      if facts.sstr == .positive { alternatives.add(.prrt, "SSTR positive") }
      if let (option, why) = chemotherapy { alternatives.add(option, why) }
      return Branch(
        .n2, best: .tace, alternatives,
        "\(situation(facts)), SSTR \(facts.sstr.rawValue); TACE not barred and \(replaced) "
          + "(≤ 50 %) → \(ClinicalOption.tace.name)")
    }
    return beyondTACE(facts, involvement: involvement, taceBarred: taceBarred)
  }

  /// N3: TACE barred, or over 50 % of the liver replaced.
  private static func beyondTACE(
    _ facts: CaseFacts, involvement: Double, taceBarred: Bool
  ) -> Branch {
    let replaced = "\(formatNumber(involvement)) % of the liver replaced"
    let withinSIRT = involvement <= 70
    let why: String
    if !withinSIRT {
      why =
        "\(replaced), over 70 %: no liver-directed option (risk of liver failure)"
        + (taceBarred ? "; TACE barred" : "")
    } else if taceBarred {
      why = "TACE barred (\(replaced))"
    } else {
      why = "\(replaced), over 50 %: TACE not first choice"
    }
    let best: ClinicalOption
    let choice: String
    if facts.sstr == .positive {
      best = .prrt
      choice = "SSTR positive"
    } else if facts.primary.site == .pancreas {
      best = .chemoStz
      choice = "SSTR \(facts.sstr.rawValue), pancreatic primary"
    } else if let ki67 = facts.pathology.ki67, ki67 > 15 {
      best = .chemoTem
      choice = "SSTR \(facts.sstr.rawValue), Ki-67 \(formatNumber(ki67)) % > 15 %"
    } else if withinSIRT {
      best = .sirt
      choice = "\(receptorAndKi67(facts)) (not over 15 %), ≤ 70 % replaced"
    } else {
      best = .interferon
      choice = "\(receptorAndKi67(facts)) (not over 15 %)"
    }
    var alternatives = Alternatives(best: best, site: facts.primary.site)
    if withinSIRT { alternatives.add(.sirt, "≤ 70 % replaced") }
    if let (option, reason) = SystemicChoices.fittingChemotherapy(facts) {
      alternatives.add(option, reason)
    }
    if best == .interferon { alternatives.add(.chemoTem) }
    if withinSIRT && !taceBarred { alternatives.add(.tace, "≤ 70 % replaced") }
    return Branch(
      .n3, best: best, alternatives, "\(situation(facts)); \(why); \(choice) → \(best.name)")
  }
}
