extension Decision {
  /// D2b: a well-differentiated G3 tumour (WHO 2010: NEC; since WHO 2017/2019: NET G3).
  ///
  /// Resection when it can be complete; otherwise platinum-etoposide above Ki-67 55 %, else
  /// PRRT (receptor-positive), else streptozocin (pancreas) or temozolomide/5-FU.
  static func wellDifferentiatedG3(_ facts: CaseFacts, liver: CaseFacts.Liver) -> Decision {
    let site = facts.primary.site
    let ki67 = facts.pathology.ki67
    let proliferation =
      ki67.map { "Ki-67 \(formatNumber($0)) %" }
      ?? "\(formatNumber(facts.pathology.mitoses ?? 0)) mitoses per 10 HPF"
    let chemotherapy: ClinicalOption = site == .pancreas ? .chemoStz : .chemoTem
    let best: ClinicalOption
    let why: String
    if let blocker = resectionBlocker(facts, liver: liver) {
      if let ki67, ki67 > 55 {
        best = .chemoPlatinum
        why =
          "\(blocker); Ki-67 \(formatNumber(ki67)) % > 55 %, above NETTER-2's population → "
          + "\(best.name), as for NEC"
      } else if facts.sstr == .positive {
        best = .prrt
        why =
          "\(blocker); SSTR positive, \(ki67 == nil ? "Ki-67 unknown" : "Ki-67 ≤ 55 %") → "
          + "\(best.name) (NETTER-2: first-line PRRT for SSTR-positive NET G2/G3 with Ki-67 "
          + "10–55 %; Singh S et al., Lancet 2024)"
      } else {
        best = chemotherapy
        why =
          "\(blocker); SSTR \(facts.sstr.rawValue), primary \(site.rawValue) → \(best.name) "
          + "(alkylating agents: response 50 % in pancreatic NET G3; Raj N et al., Pancreas 2017)"
      }
    } else {
      best = .resection
      let how = liver.resectability == .complete ? "in one operation" : "in two stages ± PVE"
      why =
        "all liver metastases removable \(how), extrahepatic disease "
        + "\(facts.extrahepatic.rawValue), fit for surgery → \(best.name)"
    }
    var alternatives = Alternatives(best: best, site: site)
    if facts.sstr == .positive { alternatives.add(.prrt, "SSTR positive") }
    alternatives.add(chemotherapy)
    alternatives.add(.chemoPlatinum)
    return ruled(
      .d2b, best: best, acceptable: alternatives.options, contraindicated: [.transplant],
      [
        "well differentiated with \(proliferation) (G3); \(why)\(alternatives.clause); no LT "
          + source,
        "WHO 2010 calls this tumour NEC, and platinum-etoposide was the era's treatment; since "
          + "WHO 2017/2019 it is a well-differentiated NET G3, for which platinum-etoposide is "
          + "not the standard: it responds poorly to platinum (pancreatic series: 10 % vs 37 % in "
          + "NEC) and as often as NEC to alkylating agents (50 %) (Raj N et al., Pancreas 2017). "
          + "Such a patient belongs to a multidisciplinary board.",
      ])
  }

  /// Why a complete resection is not possible, or nil when it is.
  private static func resectionBlocker(_ facts: CaseFacts, liver: CaseFacts.Liver) -> String? {
    if liver.resectability != .complete && liver.resectability != .twoStage {
      let what = liver.resectability == .debulkable ? "only debulkable" : "unresectable"
      return "the liver metastases are \(what)"
    }
    if facts.extrahepatic == .unresectable { return "extrahepatic disease unresectable" }
    if !facts.fitForSurgery { return "unfit for major liver surgery" }
    return nil
  }
}
