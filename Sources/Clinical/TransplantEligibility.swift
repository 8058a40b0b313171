/// How a failed Milan criterion weighs on transplantation.
public enum MilanFailureKind: String, CaseIterable, Sendable {
  /// Excludes transplantation.
  case absolute
  /// Can be put right (resect the primary, wait for stable disease).
  case remediable
  /// Weighs against transplantation without excluding it.
  case relative
}

/// A Milan criterion (Mazzaferro 2007) that a case fails, in the order of the criteria.
public enum MilanFailure: Int, CaseIterable, Sendable, Comparable {
  /// 1: no liver metastases.
  case noLiverMetastases = 1
  /// 2: not a well-differentiated NET G1/G2.
  case notLowGradeNET
  /// 3: primary not portal-drained.
  case primaryNotPortalDrained
  /// 4: primary not resected.
  case primaryNotResected
  /// 5: liver involvement over 50 %.
  case liverInvolvementOver50
  /// 6: stable disease under 6 months (or unknown).
  case stableUnder6Months
  /// 7: age over 55.
  case ageOver55
  /// 8: extrahepatic disease present or not excluded.
  case extrahepaticDisease
  /// 9: unfit for surgery.
  case unfitForSurgery

  /// The failure text of the contract.
  public var text: String {
    switch self {
    case .noLiverMetastases: "no liver metastases"
    case .notLowGradeNET: "not a well-differentiated NET G1/G2"
    case .primaryNotPortalDrained: "primary not portal-drained"
    case .primaryNotResected: "primary not resected"
    case .liverInvolvementOver50: "liver involvement over 50 %"
    case .stableUnder6Months: "stable disease under 6 months"
    case .ageOver55: "age over 55"
    case .extrahepaticDisease: "extrahepatic disease present or not excluded"
    case .unfitForSurgery: "unfit for surgery"
    }
  }

  /// How the failure weighs on transplantation for a patient of `age`: the age criterion is
  /// relative up to 65 and absolute above.
  public func kind(age: Int) -> MilanFailureKind {
    switch self {
    case .primaryNotResected, .stableUnder6Months: .remediable
    case .ageOver55: age > 65 ? .absolute : .relative
    default: .absolute
    }
  }

  /// Orders failures by criterion number.
  public static func < (lhs: MilanFailure, rhs: MilanFailure) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}

/// The Milan criteria for liver transplantation in NET liver metastases (Mazzaferro 2007).
public enum TransplantEligibility {
  /// Every criterion the case fails, in criterion order; empty when eligible.
  public static func failures(of facts: CaseFacts) -> [MilanFailure] {
    let who = WHO2010Category.of(
      differentiation: facts.pathology.differentiation,
      grade: Grade.of(ki67: facts.pathology.ki67, mitoses: facts.pathology.mitoses))
    let lowGrade =
      facts.pathology.differentiation == .well && (who == .netG1 || who == .netG2)
    var failures: [MilanFailure] = []
    if facts.liver == nil { failures.append(.noLiverMetastases) }
    if !lowGrade { failures.append(.notLowGradeNET) }
    if !facts.primary.site.isPortalDrained { failures.append(.primaryNotPortalDrained) }
    if facts.primary.status != .resected { failures.append(.primaryNotResected) }
    if let liver = facts.liver, liver.involvementPercent > 50 {
      failures.append(.liverInvolvementOver50)
    }
    // Unknown stability fails: Milan asks for six months of proven stable disease.
    if !(facts.stableMonths.map { $0 >= 6 } ?? false) { failures.append(.stableUnder6Months) }
    if facts.age > 55 { failures.append(.ageOver55) }
    if facts.extrahepatic != .none { failures.append(.extrahepaticDisease) }
    if !facts.fitForSurgery { failures.append(.unfitForSurgery) }
    return failures
  }

  /// Whether a failed criterion excludes transplantation for this patient.
  static func isAbsolute(_ failure: MilanFailure, facts: CaseFacts) -> Bool {
    failure.kind(age: facts.age) == .absolute
  }

  static func explain(_ failures: [MilanFailure], facts: CaseFacts) -> String {
    let portal =
      "\(facts.primary.site.rawValue) is "
      + (facts.primary.site.isPortalDrained ? "portal-drained" : "not portal-drained")
    guard !failures.isEmpty else {
      let involvement = facts.liver.map { formatNumber($0.involvementPercent) + " %" } ?? ""
      let stable = facts.stableMonths.map { formatNumber($0) } ?? ""
      return "Milan: all nine criteria hold (\(portal), involvement \(involvement) ≤ 50 %, "
        + "stable \(stable) months ≥ 6, age \(facts.age) ≤ 55) → transplant-eligible "
        + "(Mazzaferro V et al., J Hepatol 2007)"
    }
    let items = failures.map {
      "\($0.text) (\($0.kind(age: facts.age).rawValue)\(detail($0, facts: facts)))"
    }
    return "Milan: fails — " + items.joined(separator: ", ")
      + " (Mazzaferro V et al., J Hepatol 2007)"
  }

  private static func detail(_ failure: MilanFailure, facts: CaseFacts) -> String {
    switch failure {
    case .primaryNotPortalDrained:
      return "; site \(facts.primary.site.rawValue)"
    case .liverInvolvementOver50:
      return facts.liver.map { "; \(formatNumber($0.involvementPercent)) %" } ?? ""
    case .stableUnder6Months:
      return facts.stableMonths.map { "; \(formatNumber($0)) months" } ?? "; unknown"
    case .ageOver55:
      return facts.age > 65 ? "; age \(facts.age), over 65" : "; age \(facts.age), 56–65"
    case .extrahepaticDisease:
      return "; \(facts.extrahepatic.rawValue)"
    default:
      return ""
    }
  }
}
