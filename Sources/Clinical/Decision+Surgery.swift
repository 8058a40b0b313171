extension Decision {
  /// D4 to D9: extrahepatic disease, fitness, then resectability and the Milan criteria.
  static func decideByLiver(
    _ facts: CaseFacts, liver: CaseFacts.Liver, barred: Bool, _ milanFailures: [MilanFailure]
  ) -> Decision {
    if facts.extrahepatic == .unresectable {
      let branch = Branch.systemic(facts, taceBarred: barred)
      return Decision(
        rule: "D4/\(branch.id)", best: branch.best, acceptable: branch.acceptable,
        contraindicated: [.resection, .transplant],
        trace: [
          "D4: extrahepatic disease unresectable → systemic therapy first (S); no resection or LT "
            + source,
          branch.trace,
        ])
    }
    if !facts.fitForSurgery {
      let branch = Branch.liverDirected(facts, taceBarred: barred)
      return Decision(
        rule: "D5/\(branch.id)", best: branch.best, acceptable: branch.acceptable,
        contraindicated: [.resection, .cytoreduction, .transplant],
        trace: [
          "D5: not fit for major liver surgery → liver-directed or watchful (N); no resection, "
            + "CRR or LT \(source)",
          branch.trace,
        ])
    }
    switch liver.resectability {
    case .complete, .twoStage:
      let how = liver.resectability == .complete ? "in one operation" : "in two stages ± PVE"
      return Decision(
        rule: "D6", best: .resection, acceptable: [], contraindicated: [],
        trace: [
          "D6: all liver metastases removable \(how) → \(ClinicalOption.resection.name) \(source)"
        ])
    case .debulkable:
      let branch = Branch.liverDirected(facts, taceBarred: barred)
      var acceptable = [branch.best]
      acceptable.appendUnique(contentsOf: branch.acceptable)
      return Decision(
        rule: "D7", best: .cytoreduction, acceptable: acceptable, contraindicated: [],
        trace: [
          "D7: ≥ 90 % of the tumour burden is removable → \(ClinicalOption.cytoreduction.name) "
            + source,
          "D7 alternatives, " + branch.trace,
        ])
    case .none:
      return unresectable(facts, barred: barred, milanFailures)
    }
  }

  /// D8 and D9: unresectable liver disease, with or without transplant eligibility.
  private static func unresectable(
    _ facts: CaseFacts, barred: Bool, _ milanFailures: [MilanFailure]
  ) -> Decision {
    if milanFailures.isEmpty {
      var acceptable: [ClinicalOption] = barred ? [.sirt] : [.tace, .sirt]
      if facts.sstr == .positive { acceptable.append(.prrt) }
      return Decision(
        rule: "D8", best: .transplant, acceptable: acceptable, contraindicated: [],
        trace: [
          "D8: unresectable, all Milan criteria hold → \(ClinicalOption.transplant.name); "
            + "liver-directed options acceptable \(source)"
        ])
    }
    let branch = Branch.liverDirected(facts, taceBarred: barred)
    let absolute = milanFailures.filter { $0.kind == .absolute }
    let transplantNote =
      absolute.isEmpty
      ? "LT not contraindicated: only remediable or relative Milan criteria fail"
      : "LT contraindicated: \(absolute.map(\.text).joined(separator: ", ")) (absolute)"
    return Decision(
      rule: "D9/\(branch.id)", best: branch.best, acceptable: branch.acceptable,
      contraindicated: absolute.isEmpty ? [.resection] : [.resection, .transplant],
      trace: [
        "D9: unresectable, not transplant-eligible → liver-directed or watchful (N); no resection; "
          + "\(transplantNote) \(source)",
        branch.trace,
      ])
  }
}
