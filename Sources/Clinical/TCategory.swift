/// The ENETS T category of the primary (Rindi 2006 foregut, Rindi 2007 midgut).
public enum TCategory: String, CaseIterable, Sendable {
  /// T1.
  case t1 = "T1"
  /// T2.
  case t2 = "T2"
  /// T3.
  case t3 = "T3"
  /// T4.
  case t4 = "T4"
  /// Not derivable from the facts.
  case tx = "TX"

  /// The T category of a primary; `TX` where the extent or a deciding size is missing and for
  /// every site other than pancreas, jejunum and ileum (section 6, item 4).
  public static func of(_ primary: CaseFacts.Primary) -> TCategory {
    guard let extent = primary.extent, primary.site.allowedExtents.contains(extent) else {
      return .tx
    }
    let size = primary.sizeCm
    switch extent {
    case .adjacentOrgansOrVessels, .serosaOrAdjacentOrgans: return .t4
    case .duodenumOrBileDuct, .subserosa: return .t3
    case .muscularisPropria: return .t2
    case .confined:
      guard let size else { return .tx }
      return size < 2 ? .t1 : size <= 4 ? .t2 : .t3
    case .mucosaSubmucosa:
      guard let size else { return .tx }
      return size <= 1 ? .t1 : .t2
    }
  }

  static func explain(_ primary: CaseFacts.Primary) -> String {
    let site = primary.site
    guard !site.allowedExtents.isEmpty else {
      return "T: site \(site.rawValue) → TX (T is derived only for pancreas, jejunum and ileum)"
    }
    let source = site == .pancreas ? "(ENETS 2006)" : "(ENETS 2007)"
    guard let extent = primary.extent else {
      return "T: \(site.rawValue), extent unknown → TX \(source)"
    }
    let result = of(primary).rawValue
    let size = primary.sizeCm.map { "\(formatNumber($0)) cm" }
    switch extent {
    case .confined, .mucosaSubmucosa:
      return
        "T: \(site.rawValue), \(ClinicalWords.value(extent.rawValue)), \(size ?? "size unknown") → \(result) \(source)"
    default:
      return
        "T: \(site.rawValue), \(ClinicalWords.value(extent.rawValue)) (any size) → \(result) \(source)"
    }
  }
}
