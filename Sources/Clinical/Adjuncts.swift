/// The adjuncts added to a decision (ALGORITHM.md, section 4), in order, each once.
public enum Adjuncts {
  /// The adjuncts of a decision and one trace line for each; empty when there is no best.
  public static func of(
    _ facts: CaseFacts, decision: Decision, milanFailures: [MilanFailure]
  ) -> (adjuncts: [Adjunct], trace: [String]) {
    guard let best = decision.best else { return ([], []) }
    let surgical: Set<ClinicalOption> = [.resection, .cytoreduction]
    var result: [(Adjunct, String)] = []
    if facts.syndrome && best != .ssa {
      result.append((.ssa, "functional syndrome and the best option is not SSA"))
    }
    let invasive: Set<ClinicalOption> = [
      .biopsy, .resection, .cytoreduction, .transplant, .tace, .sirt, .prrt,
    ]
    if facts.syndrome && invasive.contains(best) {
      result.append(
        (.perioperativeOctreotide, "functional syndrome and \(best.id) can set off a crisis"))
    }
    if facts.syndrome && (surgical.contains(best) || best == .transplant) {
      result.append(
        (
          .echocardiography,
          "functional syndrome before \(best.id): carcinoid heart disease changes the risk and "
            + "the order of surgery"
        ))
    }
    if facts.primary.status == .inSitu {
      if surgical.contains(best) {
        result.append((.primaryResection, "primary in situ and the liver is operated on"))
      } else if decision.rule?.hasPrefix("D9") == true
        && milanFailures.allSatisfy({ $0.kind != .absolute })
      {
        result.append(
          (
            .primaryResection,
            "primary in situ and only remediable or relative Milan criteria fail"
          ))
      }
    }
    if surgical.contains(best) && facts.extrahepatic == .resectable {
      result.append((.rehd, "extrahepatic disease is resectable"))
    }
    if best == .resection && facts.liver?.resectability == .twoStage {
      result.append((.twoStagePVE, "resectable only in two stages"))
    }
    if surgical.contains(best) && facts.syndrome {
      result.append(
        (.cholecystectomy, "long-term SSA expected; SSA-related gallstones"))
    }
    if best == .transplant {
      result.append(
        (
          .sstrImaging,
          "restaging before listing excluded 7 of 15 candidates (Frilling 2010)"
        ))
    }
    return (
      result.map(\.0),
      result.map { "adjunct \($0.0.id): \($0.1) → \($0.0.name)" }
    )
  }
}
