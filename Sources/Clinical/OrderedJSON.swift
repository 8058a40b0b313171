import Foundation

/// A JSON value whose objects keep their key order, so output can follow the contract's order.
enum OrderedJSON: Equatable {
  case null
  case bool(Bool)
  case string(String)
  case array([OrderedJSON])
  case object([(key: String, value: OrderedJSON)])

  static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
    default: false
    }
  }

  /// The value as Foundation objects, as `JSONSerialization` would give them.
  var foundationObject: Any {
    switch self {
    case .null: NSNull()
    case .bool(let value): value
    case .string(let value): value
    case .array(let values): values.map(\.foundationObject)
    case .object(let members):
      Dictionary(members.map { ($0.key, $0.value.foundationObject) }) { first, _ in first }
    }
  }

  /// Pretty-printed text with two-space indentation, keys in their given order.
  func prettyPrinted(indent: String = "") -> String {
    let inner = indent + "  "
    switch self {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .string(let value): return Self.quoted(value)
    case .array(let values):
      guard !values.isEmpty else { return "[]" }
      let items = values.map { inner + $0.prettyPrinted(indent: inner) }
      return "[\n" + items.joined(separator: ",\n") + "\n\(indent)]"
    case .object(let members):
      guard !members.isEmpty else { return "{}" }
      let items = members.map {
        inner + Self.quoted($0.key) + ": " + $0.value.prettyPrinted(indent: inner)
      }
      return "{\n" + items.joined(separator: ",\n") + "\n\(indent)}"
    }
  }

  /// A JSON string literal; non-ASCII text stays as UTF-8, control characters are escaped.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        out +=
          "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
          + String(scalar.value, radix: 16)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
