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
    guard case .object(let members) = jsonValue else { return [:] }
    return Dictionary(members.map { ($0.key, $0.value.foundationObject) }) { first, _ in first }
  }

  /// The section 5 object as pretty-printed UTF-8 JSON, keys in the contract's order,
  /// ending with a newline.
  public func jsonData() -> Data {
    Data((jsonValue.prettyPrinted() + "\n").utf8)
  }

  /// The section 5 object, keys in the contract's order.
  public var jsonValue: JSONValue {
    func text(_ value: String?) -> JSONValue { .text(value) }
    func list(_ values: [String]) -> JSONValue { .texts(values) }
    let values: [JSONValue] = [
      text(grade?.rawValue), text(who2010?.rawValue), text(t.rawValue), text(n.rawValue),
      text(m.rawValue), text(stage?.rawValue), text(lmType?.rawValue), .bool(transplantEligible),
      list(transplantFailures.map(\.text)), text(rule), text(best?.id), list(acceptable.map(\.id)),
      list(contraindicated.map(\.id)), list(adjuncts.map(\.id)), list(trace.map(\.text)),
    ]
    return .object(zip(Self.jsonKeys, values).map { JSONValue.Member($0, $1) })
  }
}
