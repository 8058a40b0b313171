extension Decision {
  /// D4 to D9: extrahepatic disease, fitness, then resectability and the Milan criteria.
  static func decideByLiver(
    _ facts: CaseFacts, liver: CaseFacts.Liver, barred: Bool, _ milanFailures: [MilanFailure]
  ) -> Decision {
    if facts.extrahepatic == .unresectable {
      return branched(
        .d4, Branch.systemic(facts, taceBarred: barred),
        contraindicated: [.resection, .transplant],
        "extrahepatic disease unresectable → systemic treatment first (branch S); no resection "
          + "or LT")
    }
    if !facts.fitForSurgery {
      return branched(
        .d5, Branch.liverDirected(facts, liver: liver, taceBarred: barred),
        contraindicated: [.resection, .cytoreduction, .transplant],
        "unfit for major liver surgery → liver-directed or watchful treatment (branch N); no "
          + "resection, CRR or LT")
    }
    let replaced = "\(formatNumber(liver.involvementPercent)) % of the liver replaced"
    switch liver.resectability {
    case .complete, .twoStage:
      let how =
        liver.resectability == .complete
        ? "in one operation with an adequate remnant" : "in two stages ± portal vein embolisation"
      return ruled(
        .d6, best: .resection,
        [
          "all liver metastases removable \(how) (\(replaced)) → "
            + "\(ClinicalOption.resection.name) \(source)"
        ])
    case .debulkable:
      let branch = Branch.liverDirected(facts, liver: liver, taceBarred: barred)
      return withAlternatives(
        .d7, best: .cytoreduction, branch,
        "≥ 90 % of the tumour burden removable (\(replaced)) → "
          + "\(ClinicalOption.cytoreduction.name); the options of branch N are acceptable "
          + "alternatives")
    case .none:
      return unresectable(facts, liver: liver, barred: barred, milanFailures)
    }
  }

  /// D8, D8/N and D9: unresectable liver disease, with or without transplant eligibility.
  private static func unresectable(
    _ facts: CaseFacts, liver: CaseFacts.Liver, barred: Bool, _ milanFailures: [MilanFailure]
  ) -> Decision {
    let branch = Branch.liverDirected(facts, liver: liver, taceBarred: barred)
    let replaced = "\(formatNumber(liver.involvementPercent)) % of the liver replaced"
    if milanFailures.isEmpty {
      let site = facts.primary.site
      let risk: String?
      if site == .pancreas || site == .duodenum {
        risk =
          "but a \(site == .pancreas ? "pancreatic" : "duodenal") primary, an independent "
          + "adverse factor after LT (RR 2.94; Le Treut YP et al., Am J Transplant 2008)"
      } else if let ki67 = facts.pathology.ki67, ki67 >= 10 {
        risk =
          "but Ki-67 \(formatNumber(ki67)) % ≥ 10 % (later Milan practice transplants Ki-67 "
          + "under 10 %)"
      } else {
        risk = nil
      }
      guard let risk else {
        return withAlternatives(
          .d8, best: .transplant, branch,
          "unresectable (\(replaced)), all nine Milan criteria hold, primary "
            + "\(site.rawValue), Ki-67 "
            + (facts.pathology.ki67.map { "\(formatNumber($0)) % < 10 %" } ?? "unknown")
            + " → \(ClinicalOption.transplant.name); the options of branch N stay acceptable "
            + "(Mazzaferro V et al., J Hepatol 2007)")
      }
      var decision = branched(
        .d8, branch, contraindicated: [],
        "unresectable (\(replaced)) and all nine Milan criteria hold, \(risk) → branch N "
          + "first, LT acceptable")
      decision.acceptable.appendUnique(contentsOf: [.transplant])
      return decision
    }
    let absolute = milanFailures.filter { TransplantEligibility.isAbsolute($0, facts: facts) }
    let transplant =
      absolute.isEmpty
      ? "LT not contraindicated: only remediable or relative Milan criteria fail ("
        + milanFailures.map(\.text).joined(separator: ", ") + ")"
      : "LT contraindicated: " + absolute.map(\.text).joined(separator: ", ")
        + (facts.age > 65 && absolute.contains(.ageOver55) ? " (age \(facts.age), over 65)" : "")
        + " (absolute)"
    return branched(
      .d9, branch, contraindicated: absolute.isEmpty ? [.resection] : [.resection, .transplant],
      "unresectable (\(replaced)), not transplant-eligible → liver-directed or watchful "
        + "treatment (branch N); no resection; \(transplant)")
  }

  /// A rule that takes a branch's best and alternatives as its own.
  private static func branched(
    _ rule: DecisionRule, _ branch: Branch, contraindicated: [ClinicalOption], _ reason: String
  ) -> Decision {
    Decision(
      rule: rule, branch: branch.id, best: branch.best, acceptable: branch.acceptable,
      contraindicated: contraindicated,
      trace: [TraceLine(.decision(rule), "\(rule.id): \(reason) \(source)"), branch.traceLine])
  }

  /// A rule with its own best option, and the branch's best and alternatives as its
  /// alternatives (D7, D8).
  private static func withAlternatives(
    _ rule: DecisionRule, best: ClinicalOption, _ branch: Branch, _ reason: String
  ) -> Decision {
    var acceptable = [branch.best]
    acceptable.appendUnique(contentsOf: branch.acceptable)
    acceptable.removeAll { $0 == best }
    return Decision(
      rule: rule, branch: nil, best: best, acceptable: acceptable, contraindicated: [],
      trace: [
        TraceLine(.decision(rule), "\(rule.id): \(reason) \(source)"),
        TraceLine(
          .branch(branch.id), "\(branch.id.id), the alternatives: \(branch.summary)"),
      ])
  }
}
