import Clinical

extension CaseFacts {
  /// The case-facts object of ALGORITHM.md §1, keys in the order of its table: unknown
  /// optional values are left out (as the parser reads them), `liver` is null when there are
  /// no liver metastases. `nelm solve` reads the result back to the same facts.
  public var jsonValue: JSONValue {
    var members: [JSONValue.Member] = []
    if let id { members.append(.init("id", .string(id))) }
    members += [
      .init("age", .number(Double(age))),
      .init("primary", primaryJSON),
      .init("nodes", .string(nodes.rawValue)),
      .init("pathology", pathologyJSON),
      .init("liver", liver.map(Self.liverJSON) ?? .null),
      .init("extrahepatic", .string(extrahepatic.rawValue)),
      .init("sstr", .string(sstr.rawValue)),
      .init("syndrome", .bool(syndrome)),
      .init("progressive", .bool(progressive)),
      .init("fitForSurgery", .bool(fitForSurgery)),
    ]
    if let stableMonths { members.append(.init("stableMonths", .number(stableMonths))) }
    // Written only when true: a missing onSSA reads as false.
    if onSSA { members.append(.init("onSSA", .bool(true))) }
    members.append(.init("contraindications", .texts(contraindications.map(\.rawValue))))
    return .object(members)
  }

  private var primaryJSON: JSONValue {
    var members: [JSONValue.Member] = [.init("site", .string(primary.site.rawValue))]
    if let size = primary.sizeCm { members.append(.init("sizeCm", .number(size))) }
    if let extent = primary.extent { members.append(.init("extent", .string(extent.rawValue))) }
    members.append(.init("status", .string(primary.status.rawValue)))
    return .object(members)
  }

  private var pathologyJSON: JSONValue {
    var members: [JSONValue.Member] = [
      .init("differentiation", .string(pathology.differentiation.rawValue))
    ]
    if let ki67 = pathology.ki67 { members.append(.init("ki67", .number(ki67))) }
    if let mitoses = pathology.mitoses { members.append(.init("mitoses", .number(mitoses))) }
    return .object(members)
  }

  private static func liverJSON(_ liver: Liver) -> JSONValue {
    .object([
      .init("pattern", .string(liver.pattern.rawValue)),
      .init("involvementPercent", .number(liver.involvementPercent)),
      .init("resectability", .string(liver.resectability.rawValue)),
    ])
  }
}
