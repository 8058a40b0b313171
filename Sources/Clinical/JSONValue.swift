import Foundation

/// A JSON value whose objects keep their key order, for output that follows a documented
/// order (`nelm solve --json`, `nelm case show --json`, the exports).
public enum JSONValue: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A finite number, written without `.0` when whole.
  case number(Double)
  /// A string.
  case string(String)
  /// A list.
  case array([JSONValue])
  /// An object, keys in the order given.
  case object([Member])

  /// One key of an object.
  public struct Member: Sendable, Equatable {
    /// The key.
    public var key: String
    /// Its value.
    public var value: JSONValue

    /// Creates a member.
    public init(_ key: String, _ value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  /// A string, or null when absent.
  public static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

  /// A list of strings.
  public static func texts(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

  /// The value as Foundation objects, as `JSONSerialization` would give them (`NSNull` for
  /// null; an object loses its key order).
  public var foundationObject: Any {
    switch self {
    case .null: return NSNull()
    case .bool(let value): return value
    case .number(let value): return value
    case .string(let value): return value
    case .array(let values): return values.map(\.foundationObject)
    case .object(let members):
      return Dictionary(members.map { ($0.key, $0.value.foundationObject) }) { first, _ in first }
    }
  }

  /// Pretty-printed text with two-space indentation, ending without a newline.
  public func prettyPrinted(indent: String = "") -> String {
    let inner = indent + "  "
    switch self {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .number(let value):
      return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
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

  /// A JSON string literal; non-ASCII text stays as UTF-8, control characters are escaped,
  /// and so are DEL, the C1 controls and the bidirectional overrides and isolates: the same
  /// text, but nothing a terminal showing the JSON would obey.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _
      where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value):
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
