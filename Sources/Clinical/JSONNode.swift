import Foundation

/// What a decoded JSON or YAML value is, with booleans and numbers told apart.
///
/// `JSONSerialization` hands out `NSNumber` for both `true` and `1`, and an `NSNumber` casts
/// to `Bool` and to `Int` alike, so the type is read from the number's encoding instead: on
/// Linux and Darwin a boolean `NSNumber` has the Objective-C type `c`.
enum JSONNode {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([Any])
  case object([String: Any])
  case unsupported

  init(_ value: Any) {
    if value is NSNull {
      self = .null
    } else if type(of: value) == Bool.self, let flag = value as? Bool {
      self = .bool(flag)
    } else if let text = value as? String {
      self = .string(text)
    } else if let number = value as? NSNumber {
      self =
        String(cString: number.objCType) == "c"
        ? .bool(number.boolValue) : .number(number.doubleValue)
    } else if let list = value as? [Any] {
      self = .array(list)
    } else if let map = value as? [String: Any] {
      self = .object(map)
    } else {
      self = .unsupported
    }
  }

  /// The kind of value, with its article, for messages: "got a boolean".
  var kindName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "a list"
    case .object: "an object"
    case .unsupported: "an unsupported value"
    }
  }
}
