/// A branch of the decision that names alternatives of similar standing: N or S (section 4).
struct Branch: Sendable, Equatable {
  /// `N0`…`N2` or `S0`…`S3`.
  var id: String
  var best: ClinicalOption
  var acceptable: [ClinicalOption]
  var trace: String

  /// N — liver-directed, or watchful.
  static func liverDirected(_ facts: CaseFacts, taceBarred: Bool) -> Branch {
    if let watchful = watchful(facts, id: "N0") {
      return watchful
    }
    let receptorOptions: [ClinicalOption] = facts.sstr == .positive ? [.prrt, .ssa] : []
    let why = facts.progressive ? "progressive" : "functional syndrome"
    let sstrNote = facts.sstr == .positive ? "; PRRT and SSA acceptable as SSTR is positive" : ""
    if !taceBarred {
      return Branch(
        id: "N1", best: .tace, acceptable: [.sirt] + receptorOptions,
        trace: "N1: \(why), TACE not barred → \(ClinicalOption.tace.name); SIRT acceptable"
          + sstrNote)
    }
    return Branch(
      id: "N2", best: .sirt, acceptable: receptorOptions,
      trace: "N2: \(why), TACE barred → \(ClinicalOption.sirt.name)" + sstrNote)
  }

  /// S — systemic first.
  static func systemic(_ facts: CaseFacts, taceBarred: Bool) -> Branch {
    if let watchful = watchful(facts, id: "S0") {
      return watchful
    }
    var branch: Branch
    if facts.sstr == .positive {
      let (best, other): (ClinicalOption, ClinicalOption) =
        facts.progressive ? (.prrt, .ssa) : (.ssa, .prrt)
      let why = facts.progressive ? "progressive" : "functional syndrome, not progressive"
      branch = Branch(
        id: "S1", best: best, acceptable: [other],
        trace: "S1: SSTR positive, \(why) → \(best.name); \(other.name) acceptable")
    } else if facts.primary.site == .pancreas {
      branch = Branch(
        id: "S2", best: .chemoStz, acceptable: [],
        trace:
          "S2: SSTR \(facts.sstr.rawValue), pancreatic primary → \(ClinicalOption.chemoStz.name)")
    } else {
      branch = Branch(
        id: "S3", best: .interferon, acceptable: [],
        trace: "S3: SSTR \(facts.sstr.rawValue), primary \(facts.primary.site.rawValue) → "
          + ClinicalOption.interferon.name)
    }
    if facts.syndrome {
      // Liver-dominant symptoms can be controlled through the liver even when disease is
      // systemic.
      let liverOptions: [ClinicalOption] = taceBarred ? [.sirt] : [.tace, .sirt]
      branch.acceptable.appendUnique(contentsOf: liverOptions)
      branch.trace +=
        "; functional syndrome → " + (taceBarred ? "SIRT" : "TACE and SIRT")
        + " also acceptable for liver-dominant symptom control"
    }
    return branch
  }

  /// N0 and S0: neither progressive nor symptomatic.
  private static func watchful(_ facts: CaseFacts, id: String) -> Branch? {
    guard !facts.progressive && !facts.syndrome else { return nil }
    let head = "\(id): not progressive, no syndrome"
    if facts.sstr == .positive {
      return Branch(
        id: id, best: .ssa, acceptable: [.surveillance],
        trace: "\(head), SSTR positive → \(ClinicalOption.ssa.name), antiproliferative (PROMID); "
          + "watchful waiting acceptable")
    }
    return Branch(
      id: id, best: .surveillance, acceptable: [],
      trace: "\(head), SSTR \(facts.sstr.rawValue) → \(ClinicalOption.surveillance.name)")
  }
}

extension Array where Element: Equatable {
  /// Appends the elements not already present, keeping the order in which rules add them.
  mutating func appendUnique(contentsOf elements: [Element]) {
    for element in elements where !contains(element) {
      append(element)
    }
  }
}
