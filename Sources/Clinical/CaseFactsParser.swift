import Foundation

/// Reads case facts from JSON, or from a decoded JSON or YAML document, and checks every rule
/// of ALGORITHM.md section 1. Nothing is guessed: every problem is reported with its key path.
public enum CaseFactsParser {
  static let topKeys = [
    "id", "age", "primary", "nodes", "pathology", "liver", "extrahepatic", "sstr", "syndrome",
    "progressive", "fitForSurgery", "stableMonths", "onSSA", "contraindications",
  ]
  static let primaryKeys = ["site", "sizeCm", "extent", "status"]
  static let pathologyKeys = ["differentiation", "ki67", "mitoses"]
  static let liverKeys = ["pattern", "involvementPercent", "resectability"]

  /// Parses UTF-8 JSON text.
  public static func parse(json: Data) -> Result<CaseFacts, CaseFactsErrors> {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])
    } catch {
      let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
      let problem = CaseFactsProblem(
        path: "(root)", message: "not valid JSON" + (detail.map { ": \($0)" } ?? ""))
      return .failure(CaseFactsErrors(problems: [problem]))
    }
    return parse(object: object)
  }

  /// Parses a decoded document: `[String: Any]`, `[Any]`, `String`, `Int`, `Double`, `Bool`,
  /// `NSNumber` or `NSNull`, as `JSONSerialization` or a YAML loader gives them.
  public static func parse(object: Any) -> Result<CaseFacts, CaseFactsErrors> {
    var reader = FactReader()
    let facts = read(object, into: &reader)
    if let facts, reader.problems.isEmpty {
      return .success(facts)
    }
    return .failure(CaseFactsErrors(problems: reader.problems))
  }

  private static func read(_ document: Any, into r: inout FactReader) -> CaseFacts? {
    guard let root = r.object(Field(value: document, path: ""), keys: topKeys) else { return nil }
    let id = r.field(root, "id", in: "", required: false).flatMap { r.string($0) }
    let age = r.field(root, "age", in: "").flatMap { r.integer($0, range: 0...120) }
    let primary = r.field(root, "primary", in: "").flatMap { readPrimary($0, into: &r) }
    let nodes: NodalStatus? = r.field(root, "nodes", in: "").flatMap { r.choice($0) }
    let pathology = r.field(root, "pathology", in: "").flatMap { readPathology($0, into: &r) }
    let liverField = r.field(root, "liver", in: "")
    let liver = liverField.flatMap { readLiver($0, into: &r) }
    let extrahepatic: ExtrahepaticDisease? =
      r.field(root, "extrahepatic", in: "").flatMap { r.choice($0) }
    let sstr: SSTRStatus? = r.field(root, "sstr", in: "").flatMap { r.choice($0) }
    let syndrome = r.field(root, "syndrome", in: "").flatMap { r.bool($0) }
    let progressive = r.field(root, "progressive", in: "").flatMap { r.bool($0) }
    let fit = r.field(root, "fitForSurgery", in: "").flatMap { r.bool($0) }
    let stableMonths = optionalNumber(root, "stableMonths", allowed: "≥ 0", into: &r) { $0 >= 0 }
    if let stableMonths, progressive == true, stableMonths >= 6 {
      r.report(
        "stableMonths",
        "\(formatNumber(stableMonths)) is not allowed when progressive is true; allowed: under 6")
    }
    // Optional: a missing key means not on an SSA; `null` is a wrong type like any other.
    let onSSAField = r.field(root, "onSSA", in: "", required: false)
    let onSSA: Bool? = onSSAField == nil ? false : onSSAField.flatMap { r.bool($0) }
    let contraindications = readContraindications(root, into: &r)
    guard let age, let primary, let nodes, let pathology, let liver, let extrahepatic, let sstr,
      let syndrome, let progressive, let fit, let onSSA, let contraindications
    else { return nil }
    return CaseFacts(
      id: id, age: age, primary: primary, nodes: nodes, pathology: pathology, liver: liver,
      extrahepatic: extrahepatic, sstr: sstr, syndrome: syndrome, progressive: progressive,
      fitForSurgery: fit, stableMonths: stableMonths, onSSA: onSSA,
      contraindications: contraindications)
  }

  /// An optional number: absent means unknown; `null` is refused so that nothing is guessed.
  static func optionalNumber(
    _ members: [String: Any], _ key: String, in parent: String = "", allowed: String,
    into r: inout FactReader, where isAllowed: (Double) -> Bool
  ) -> Double? {
    guard let field = r.field(members, key, in: parent, required: false) else { return nil }
    if case .null = JSONNode(field.value) {
      r.report(field.path, "must be a number; got null (leave the key out when unknown)")
      return nil
    }
    return r.number(field, allowed: allowed, where: isAllowed)
  }

  private static func readContraindications(
    _ root: [String: Any], into r: inout FactReader
  ) -> [Contraindication]? {
    guard let field = r.field(root, "contraindications", in: "", required: false) else {
      return []
    }
    guard let items = r.list(field) else { return nil }
    var result: [Contraindication] = []
    var firstIndex: [Contraindication: Int] = [:]
    var valid = true
    for (index, item) in items.enumerated() {
      let path = "contraindications[\(index)]"
      guard let value: Contraindication = r.choice(Field(value: item, path: path)) else {
        valid = false
        continue
      }
      if let first = firstIndex[value] {
        r.report(path, "'\(value.rawValue)' is a duplicate of contraindications[\(first)]")
        valid = false
        continue
      }
      firstIndex[value] = index
      result.append(value)
    }
    return valid ? result : nil
  }
}
