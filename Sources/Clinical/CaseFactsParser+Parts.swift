extension CaseFactsParser {
  static func readPrimary(_ field: Field, into r: inout FactReader) -> CaseFacts.Primary? {
    guard let members = r.object(field, keys: primaryKeys) else { return nil }
    let site: PrimarySite? = r.field(members, "site", in: field.path).flatMap { r.choice($0) }
    let size = optionalNumber(members, "sizeCm", in: field.path, allowed: "> 0", into: &r) {
      $0 > 0
    }
    var extentValid = true
    var extent: PrimaryExtent?
    if let extentField = r.field(members, "extent", in: field.path, required: false) {
      extent = readExtent(extentField, site: site, into: &r)
      extentValid = extent != nil
    }
    let statusField = r.field(members, "status", in: field.path)
    let status: PrimaryStatus? = statusField.flatMap {
      // An unknown primary cannot be known to be in place or removed.
      site == .unknown
        ? r.choice($0, allowed: [.unknown], condition: " when primary.site is unknown")
        : r.choice($0)
    }
    guard let site, let status, extentValid else { return nil }
    return CaseFacts.Primary(site: site, sizeCm: size, extent: extent, status: status)
  }

  private static func readExtent(
    _ field: Field, site: PrimarySite?, into r: inout FactReader
  ) -> PrimaryExtent? {
    guard let site else { return r.choice(field) }
    guard !site.allowedExtents.isEmpty else {
      if r.string(field) != nil {
        r.report(
          field.path,
          "site \(site.rawValue) has no extent; leave the key out "
            + "(extent is defined only for pancreas, jejunum and ileum)")
      }
      return nil
    }
    return r.choice(field, allowed: site.allowedExtents, condition: " for site \(site.rawValue)")
  }

  static func readPathology(_ field: Field, into r: inout FactReader) -> CaseFacts.Pathology? {
    guard let members = r.object(field, keys: pathologyKeys) else { return nil }
    let differentiation: Differentiation? =
      r.field(members, "differentiation", in: field.path).flatMap { r.choice($0) }
    let ki67 = optionalNumber(members, "ki67", in: field.path, allowed: "0–100", into: &r) {
      $0 >= 0 && $0 <= 100
    }
    let mitoses = optionalNumber(members, "mitoses", in: field.path, allowed: "≥ 0", into: &r) {
      $0 >= 0
    }
    guard let differentiation,
      members["ki67"] == nil || ki67 != nil,
      members["mitoses"] == nil || mitoses != nil
    else { return nil }
    return CaseFacts.Pathology(differentiation: differentiation, ki67: ki67, mitoses: mitoses)
  }

  /// The liver finding: `.some(nil)` for `null` (no liver metastases), `nil` on a problem.
  static func readLiver(_ field: Field, into r: inout FactReader) -> CaseFacts.Liver?? {
    if case .null = JSONNode(field.value) { return .some(nil) }
    guard let members = r.object(field, keys: liverKeys) else { return nil }
    let pattern: LiverPattern? =
      r.field(members, "pattern", in: field.path).flatMap { r.choice($0) }
    let involvement = r.field(members, "involvementPercent", in: field.path).flatMap {
      r.number($0, allowed: "> 0 and ≤ 100") { $0 > 0 && $0 <= 100 }
    }
    let resectability: Resectability? = r.field(members, "resectability", in: field.path).flatMap {
      // Type III is unresectable by definition.
      pattern == .disseminated
        ? r.choice(
          $0, allowed: [.debulkable, .none],
          condition: " when liver.pattern is disseminated (type III is unresectable by definition)")
        : r.choice($0)
    }
    guard let pattern, let involvement, let resectability else { return nil }
    return .some(
      CaseFacts.Liver(
        pattern: pattern, involvementPercent: involvement, resectability: resectability))
  }
}
