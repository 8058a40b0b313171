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
    var out = ""
    write(to: &out, indent: indent)
    return out
  }

  /// Appends `prettyPrinted(indent:)` to `out`: one buffer for the whole tree, where joining
  /// each level's lines cost a string per node (the xAPI export writes millions of nodes).
  public func write(to out: inout String, indent: String = "") {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .number(let value):
      out += value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .string(let value): Self.appendQuoted(value, to: &out)
    case .array(let values):
      guard !values.isEmpty else {
        out += "[]"
        return
      }
      let inner = indent + "  "
      out += "[\n"
      for (index, value) in values.enumerated() {
        if index > 0 { out += ",\n" }
        out += inner
        value.write(to: &out, indent: inner)
      }
      out += "\n" + indent + "]"
    case .object(let members):
      guard !members.isEmpty else {
        out += "{}"
        return
      }
      let inner = indent + "  "
      out += "{\n"
      for (index, member) in members.enumerated() {
        if index > 0 { out += ",\n" }
        out += inner
        Self.appendQuoted(member.key, to: &out)
        out += ": "
        member.value.write(to: &out, indent: inner)
      }
      out += "\n" + indent + "}"
    }
  }

  /// A JSON string literal; non-ASCII text stays as UTF-8, control characters are escaped,
  /// and so are DEL, the C1 controls and the bidirectional overrides and isolates: the same
  /// text, but nothing a terminal showing the JSON would obey.
  public static func quoted(_ text: String) -> String {
    var out = ""
    appendQuoted(text, to: &out)
    return out
  }

  /// Appends `quoted(text)` to `out`; text with nothing to escape (printable ASCII without
  /// `"` or `\\`, most of what nelm writes) is copied whole rather than scalar by scalar.
  public static func appendQuoted(_ text: String, to out: inout String) {
    let plain = text.utf8.allSatisfy { byte in
      byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }
    out += "\""
    if plain {
      out += text
      out += "\""
      return
    }
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
    out += "\""
  }
}
