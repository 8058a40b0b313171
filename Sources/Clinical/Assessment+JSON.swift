import Foundation

extension Assessment {
  /// The keys of the `nelm solve --json` object, in the order of the contract (section 5).
  public static let jsonKeys = [
    "grade", "who2010", "t", "n", "m", "stage", "lmType", "transplantEligible",
    "transplantFailures", "rule", "best", "acceptable", "contraindicated", "adjuncts", "trace",
  ]

  /// The section 5 object as Foundation values (`NSNull` for null), ready for
  /// `JSONSerialization`.
  public func jsonObject() -> [String: Any] {
    guard case .object(let members) = orderedJSON else { return [:] }
    return Dictionary(members.map { ($0.key, $0.value.foundationObject) }) { first, _ in first }
  }

  /// The section 5 object as pretty-printed UTF-8 JSON, keys in the contract's order,
  /// ending with a newline.
  public func jsonData() -> Data {
    Data((orderedJSON.prettyPrinted() + "\n").utf8)
  }

  var orderedJSON: OrderedJSON {
    func text(_ value: String?) -> OrderedJSON { value.map(OrderedJSON.string) ?? .null }
    func list(_ values: [String]) -> OrderedJSON { .array(values.map(OrderedJSON.string)) }
    let values: [OrderedJSON] = [
      text(grade?.rawValue), text(who2010?.rawValue), text(t.rawValue), text(n.rawValue),
      text(m.rawValue), text(stage?.rawValue), text(lmType?.rawValue), .bool(transplantEligible),
      list(transplantFailures.map(\.text)), text(rule), text(best?.id), list(acceptable.map(\.id)),
      list(contraindicated.map(\.id)), list(adjuncts.map(\.id)), list(trace),
    ]
    return .object(zip(Self.jsonKeys, values).map { (key: $0, value: $1) })
  }
}
