/// The treatment decision for a case with liver metastases (ALGORITHM.md, section 4).
///
/// The first rule whose condition holds decides; later rules are not consulted. The rules are
/// a reconstruction of the review's Figure 3 for teaching.
public struct Decision: Sendable, Equatable {
  /// The deciding rule and branch (`D1`…`D9`, `D2a`, `D4/S1`, `D9/N2`…); `nil` outside the
  /// algorithm.
  public var rule: String?
  /// The engine's first choice; `nil` outside the algorithm.
  public var best: ClinicalOption?
  /// Alternatives of similar standing, which a quiz accepts as correct.
  public var acceptable: [ClinicalOption]
  /// Options the case rules out.
  public var contraindicated: [ClinicalOption]
  /// One line per rule that fired.
  public var trace: [String]

  static let source = "(review Figure 3, reconstructed)"

  /// The decision for a case, given its grade and the Milan criteria it fails.
  public static func decide(
    for facts: CaseFacts, grade: Grade?, milanFailures: [MilanFailure]
  ) -> Decision {
    guard let liver = facts.liver else {
      return Decision(
        rule: nil, best: nil, acceptable: [], contraindicated: [],
        trace: ["decision: no liver metastases → outside the algorithm \(source)"])
    }
    if let early = decideBeforeSurgery(facts, grade: grade) {
      return early
    }
    let barred = taceBars(facts)
    var decision = decideByLiver(facts, liver: liver, barred: !barred.isEmpty, milanFailures)
    if !barred.isEmpty {
      decision.contraindicated.appendUnique(contentsOf: [.tace])
      decision.trace.append(
        "TACE barred by \(barred.map(\.name).joined(separator: " and ")) → TAE/TACE contraindicated "
          + "(two simplified bars)")
    }
    return decision
  }

  /// The contraindications present that bar TACE.
  public static func taceBars(_ facts: CaseFacts) -> [Contraindication] {
    [Contraindication.portalVeinThrombosis, .bilioentericAnastomosis].filter {
      facts.contraindications.contains($0)
    }
  }

  /// D1 to D3: histology, NEC, liver failure, incomplete staging.
  private static func decideBeforeSurgery(_ facts: CaseFacts, grade: Grade?) -> Decision? {
    let differentiation = facts.pathology.differentiation
    if differentiation == .unknown || (differentiation == .well && grade == nil) {
      let why =
        differentiation == .unknown
        ? "differentiation unknown" : "well differentiated but no Ki-67 or mitotic count"
      return Decision(
        rule: "D1", best: .biopsy, acceptable: [], contraindicated: [],
        trace: ["D1: \(why) → \(ClinicalOption.biopsy.name) \(source)"])
    }
    if differentiation == .poor || grade == .g3 {
      return necDecision(wellDifferentiated: differentiation == .well)
    }
    if facts.contraindications.contains(.liverFailure) {
      let best: ClinicalOption = facts.syndrome || facts.sstr == .positive ? .ssa : .supportiveCare
      let why =
        best == .supportiveCare
        ? "no syndrome and SSTR \(facts.sstr.rawValue)"
        : (facts.syndrome ? "functional syndrome" : "SSTR positive")
      return Decision(
        rule: "D2a", best: best, acceptable: [],
        contraindicated: [.resection, .cytoreduction, .tace, .sirt, .prrt, .chemoStz, .interferon],
        trace: [
          "D2a: liver failure stops every liver-directed and most systemic options; \(why) → "
            + "\(best.name) \(source)"
        ])
    }
    if facts.extrahepatic == .unknown || facts.sstr == .unknown {
      let unknown = [
        facts.extrahepatic == .unknown ? "extrahepatic disease" : nil,
        facts.sstr == .unknown ? "SSTR status" : nil,
      ].compactMap { $0 }
      return Decision(
        rule: "D3", best: .sstrImaging, acceptable: [], contraindicated: [],
        trace: [
          "D3: \(unknown.joined(separator: " and ")) unknown → "
            + "\(ClinicalOption.sstrImaging.name) \(source)"
        ])
    }
    return nil
  }

  private static func necDecision(wellDifferentiated: Bool) -> Decision {
    var trace = [
      "D2: " + (wellDifferentiated ? "G3" : "poorly differentiated") + " → NEC (WHO 2010) → "
        + "\(ClinicalOption.chemoPlatinum.name); no resection, CRR or LT \(source)"
    ]
    if wellDifferentiated {
      trace.append(
        "D2: WHO 2010 calls this well-differentiated G3 tumour NEC; since WHO 2017/2019 it is a "
          + "well-differentiated NET G3, for which platinum-etoposide is not the standard; such a "
          + "patient belongs to a multidisciplinary board")
    }
    return Decision(
      rule: "D2", best: .chemoPlatinum, acceptable: [],
      contraindicated: [.resection, .cytoreduction, .transplant], trace: trace)
  }
}
