/// The alternatives of a decision or branch, collected in the order the rules add them: each
/// once, never the best option itself, each with the reason that put it there.
///
/// Wherever streptozocin-based chemotherapy is best or acceptable for a pancreatic primary,
/// temozolomide-based chemotherapy is acceptable too (capecitabine-temozolomide, E2211),
/// unless it is the best already; the list adds it right after streptozocin.
struct Alternatives: Sendable, Equatable {
  let best: ClinicalOption
  let site: PrimarySite
  private(set) var options: [ClinicalOption] = []
  private(set) var reasons: [String] = []

  init(best: ClinicalOption, site: PrimarySite) {
    self.best = best
    self.site = site
    if best == .chemoStz { addTemozolomide() }
  }

  /// Adds an option with why it is acceptable (`""` when the option speaks for itself).
  mutating func add(_ option: ClinicalOption, _ why: String = "") {
    guard option != best, !options.contains(option) else { return }
    options.append(option)
    reasons.append(why.isEmpty ? option.shortName : "\(option.shortName) (\(why))")
    if option == .chemoStz { addTemozolomide() }
  }

  /// `; acceptable: A (why), B` for the trace, or nothing when there is no alternative.
  var clause: String {
    reasons.isEmpty ? "" : "; acceptable: " + reasons.joined(separator: ", ")
  }

  private mutating func addTemozolomide() {
    guard site == .pancreas else { return }
    add(.chemoTem, "as streptozocin for a pancreatic NET: capecitabine-temozolomide, E2211")
  }
}

/// The two conditional options that v3 defines once and uses in several branches.
enum SystemicChoices {
  /// "Chemotherapy that fits": when progressive, streptozocin for a pancreatic primary, else
  /// temozolomide/5-FU when receptor status is not positive and Ki-67 is known and over 15 %.
  static func fittingChemotherapy(_ facts: CaseFacts) -> (ClinicalOption, String)? {
    guard facts.progressive else { return nil }
    if facts.primary.site == .pancreas {
      return (.chemoStz, "progressive pancreatic NET")
    }
    if facts.sstr != .positive, let ki67 = facts.pathology.ki67, ki67 > 15 {
      return (
        .chemoTem,
        "progressive, SSTR \(facts.sstr.rawValue), Ki-67 \(formatNumber(ki67)) % > 15 %"
      )
    }
    return nil
  }

  /// "PRRT before an SSA": acceptable only for progressive receptor-positive disease with
  /// Ki-67 ≥ 10 % (NETTER-2's population); the reason, or nil.
  static func prrtBeforeSSA(_ facts: CaseFacts) -> String? {
    guard facts.progressive, facts.sstr == .positive, let ki67 = facts.pathology.ki67, ki67 >= 10
    else { return nil }
    return "before an SSA: progressive, SSTR positive, Ki-67 \(formatNumber(ki67)) % ≥ 10 %, "
      + "NETTER-2's population"
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
