/// A branch of the decision that names alternatives of similar standing: N or S (section 4).
struct Branch: Sendable, Equatable {
  var id: BranchID
  var best: ClinicalOption
  var alternatives: Alternatives
  /// Why the branch chose its best option, in clinical words with the deciding numbers.
  var reason: String

  var acceptable: [ClinicalOption] { alternatives.options }

  /// The reason and the alternatives with theirs.
  var summary: String { reason + alternatives.clause }

  init(_ id: BranchID, best: ClinicalOption, _ alternatives: Alternatives, _ reason: String) {
    self.id = id
    self.best = best
    self.alternatives = alternatives
    self.reason = reason
  }

  /// The branch's line of the trace.
  var traceLine: TraceLine { TraceLine(.branch(id), "\(id.id): \(summary)") }

  /// N0 and S0: neither progressive nor symptomatic.
  static func watchful(_ facts: CaseFacts, id: BranchID) -> Branch? {
    guard !facts.progressive && !facts.syndrome else { return nil }
    let head = "not progressive and no functional syndrome"
    let site = facts.primary.site
    if facts.sstr == .positive {
      var alternatives = Alternatives(best: .ssa, site: site)
      alternatives.add(.surveillance)
      return Branch(
        id, best: .ssa, alternatives,
        "\(head), SSTR positive → \(ClinicalOption.ssa.name), antiproliferative "
          + "(PROMID; Rinke A et al., J Clin Oncol 2009)")
    }
    return Branch(
      id, best: .surveillance, Alternatives(best: .surveillance, site: site),
      "\(head), SSTR \(facts.sstr.rawValue) → \(ClinicalOption.surveillance.name)")
  }

  /// Whether an SSA comes first (N1, S1): not yet on one, with a syndrome or receptor-positive
  /// disease.
  static func ssaFirst(_ facts: CaseFacts) -> Bool {
    !facts.onSSA && (facts.syndrome || facts.sstr == .positive)
  }

  /// Why an SSA comes first, in words.
  static func ssaFirstReason(_ facts: CaseFacts) -> String {
    let situation =
      switch (facts.syndrome, facts.progressive) {
      case (true, true): "functional syndrome and progression"
      case (true, false): "functional syndrome"
      default: "receptor-positive progression"
      }
    return "\(situation), not yet on an SSA → \(ClinicalOption.ssa.name) first (the first "
      + "treatment of a functional syndrome and of SSA-naive receptor-positive progression)"
  }

  /// Where the disease stands once an SSA is no longer the first step, in words.
  static func situation(_ facts: CaseFacts) -> String {
    guard facts.onSSA else { return "progressive, no syndrome" }
    return switch (facts.syndrome, facts.progressive) {
    case (true, true): "the syndrome persists and the disease progresses on an SSA"
    case (true, false): "the syndrome persists on an SSA"
    default: "progression on an SSA"
    }
  }

  /// "SSTR negative, Ki-67 12 %" (or "Ki-67 unknown").
  static func receptorAndKi67(_ facts: CaseFacts) -> String {
    "SSTR \(facts.sstr.rawValue), Ki-67 "
      + (facts.pathology.ki67.map { formatNumber($0) + " %" } ?? "unknown")
  }
}
