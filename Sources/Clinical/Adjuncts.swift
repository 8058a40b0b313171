/// The adjuncts added to a decision (ALGORITHM.md, section 4), in order, each once.
public enum Adjuncts {
  /// The adjuncts of a decision and one trace line for each; empty when there is no best.
  public static func of(
    _ facts: CaseFacts, decision: Decision, milanFailures: [MilanFailure]
  ) -> (adjuncts: [Adjunct], trace: [TraceLine]) {
    guard let best = decision.best else { return ([], []) }
    let surgical: Set<ClinicalOption> = [.resection, .cytoreduction]
    let site = facts.primary.site
    var result: [(Adjunct, String)] = []
    if facts.syndrome && best != .ssa {
      result.append(
        (
          .ssa,
          "functional syndrome: its symptoms are treated with an SSA, whatever the best option"
        ))
    }
    // Not for a needle biopsy, nor for PRRT, before which long-acting SSAs are paused.
    let crisisRisk: Set<ClinicalOption> = [.resection, .cytoreduction, .transplant, .tace, .sirt]
    if facts.syndrome && crisisRisk.contains(best) {
      result.append(
        (
          .perioperativeOctreotide,
          "functional syndrome: \(best.shortName) can set off a hormonal crisis"
        ))
    }
    if facts.syndrome && site != .pancreas {
      result.append(
        (
          .echocardiography,
          "carcinoid syndrome (primary \(site.rawValue)): every patient with the syndrome is "
            + "screened for carcinoid heart disease, whatever the treatment"
        ))
    }
    if let why = primaryResection(facts, best: best, decision: decision, milanFailures) {
      result.append((.primaryResection, why))
    }
    if surgical.contains(best) && facts.extrahepatic == .resectable {
      result.append((.rehd, "extrahepatic disease is resectable: removed with the liver"))
    }
    if best == .resection && facts.liver?.resectability == .twoStage {
      result.append((.twoStagePVE, "the liver can be cleared only in two stages"))
    }
    let operated = surgical.contains(best) || result.contains { $0.0 == .primaryResection }
    if operated && (facts.syndrome || facts.sstr == .positive) {
      let why = facts.syndrome ? "functional syndrome" : "SSTR positive"
      result.append(
        (
          .cholecystectomy,
          "an abdominal operation and \(why): long-term SSA treatment likely, and SSAs cause "
            + "gallstones"
        ))
    }
    if best == .transplant {
      result.append(
        (
          .sstrImaging,
          "restaging before listing excluded 7 of 15 candidates (Frilling A et al., Ann Surg "
            + "2010)"
        ))
    }
    let sirt = best == .sirt || decision.acceptable.contains(.sirt)
    if sirt && facts.contraindications.contains(.bilioentericAnastomosis) {
      result.append(
        (
          .antibioticProphylaxis,
          "SIRT \(best == .sirt ? "chosen" : "acceptable") after a bilioenteric anastomosis: 2 of "
            + "15 patients had a hepatobiliary infection, one an abscess (Agahi KN et al., Curr "
            + "Oncol 2022)"
        ))
    }
    return (
      result.map(\.0),
      result.map { TraceLine(.adjunct($0.0), "adjunct: \($0.1) → \($0.0.name)") }
    )
  }

  /// Why the primary is resected, or nil: with the liver operation, or in D9 to keep the way
  /// to transplantation open when only remediable Milan criteria fail.
  private static func primaryResection(
    _ facts: CaseFacts, best: ClinicalOption, decision: Decision, _ milanFailures: [MilanFailure]
  ) -> String? {
    guard facts.primary.status == .inSitu else { return nil }
    if best == .resection || best == .cytoreduction {
      return "primary in situ and the liver is operated on"
    }
    let site = facts.primary.site
    let remediable = milanFailures.allSatisfy { $0.kind(age: facts.age) == .remediable }
    guard decision.rule == .d9, remediable, site != .pancreas, site != .duodenum else {
      return nil
    }
    return "primary in situ, and only remediable Milan criteria fail ("
      + milanFailures.map(\.text).joined(separator: ", ")
      + "): removing the primary keeps the way to LT open"
  }
}
