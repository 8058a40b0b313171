extension Decision {
  /// Everything liver failure rules out.
  static let liverFailureContraindicated: [ClinicalOption] = [
    .resection, .cytoreduction, .tace, .sirt, .prrt, .chemoStz, .chemoTem, .chemoPlatinum,
    .interferon, .transplant,
  ]

  /// D2a, D1, D2, D3: liver failure, histology, NEC, incomplete staging.
  static func decideFirst(_ facts: CaseFacts, grade: Grade?) -> Decision? {
    let differentiation = facts.pathology.differentiation
    if facts.contraindications.contains(.liverFailure) {
      // Nobody is given cytotoxics, or operated on, in liver failure.
      let best: ClinicalOption = facts.syndrome ? .ssa : .supportiveCare
      let why =
        facts.syndrome
        ? "functional syndrome → \(ClinicalOption.ssa.name) for the symptoms"
        : "no functional syndrome → \(ClinicalOption.supportiveCare.name) (in liver failure an "
          + "SSA only for symptoms)"
      return ruled(
        .d2a, best: best, contraindicated: liverFailureContraindicated,
        [
          "liver failure → no resection, transplantation, liver-directed treatment or "
            + "chemotherapy; \(why) \(source)"
        ])
    }
    if differentiation == .unknown || (differentiation == .well && grade == nil) {
      let why =
        differentiation == .unknown
        ? "differentiation unknown → \(ClinicalOption.biopsy.name): without histology nothing "
          + "else can be decided"
        : "well differentiated, but neither Ki-67 nor a mitotic count → "
          + "\(ClinicalOption.biopsy.name): the grade decides the pathway"
      return ruled(.d1, best: .biopsy, ["\(why) \(source)"])
    }
    if differentiation == .poor {
      return ruled(
        .d2, best: .chemoPlatinum, contraindicated: [.resection, .cytoreduction, .transplant],
        [
          "poorly differentiated → neuroendocrine carcinoma (NEC), outside the "
            + "well-differentiated pathway → \(ClinicalOption.chemoPlatinum.name); no resection, "
            + "CRR or LT \(source)"
        ])
    }
    if facts.extrahepatic == .unknown || facts.sstr == .unknown {
      let unknown = [
        facts.extrahepatic == .unknown ? "extrahepatic disease" : nil,
        facts.sstr == .unknown ? "SSTR status" : nil,
      ].compactMap { $0 }
      let g3 = grade == .g3 ? " (a NET G3 too is staged before its treatment is chosen)" : ""
      return ruled(
        .d3, best: .sstrImaging,
        [
          "\(unknown.joined(separator: " and ")) unknown → \(ClinicalOption.sstrImaging.name) "
            + "before any treatment is chosen\(g3) \(source)"
        ])
    }
    return nil
  }
}
