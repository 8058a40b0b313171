/// A value found at a key path of the document.
struct Field {
  var value: Any
  var path: String
}

/// Reads typed values out of a decoded document and collects every problem on the way.
///
/// Each read returns `nil` after recording a problem, so a caller reads on and the user
/// sees all problems of a document at once.
struct FactReader {
  private(set) var problems: [CaseFactsProblem] = []

  mutating func report(_ path: String, _ message: String) {
    problems.append(CaseFactsProblem(path: path.isEmpty ? "(root)" : path, message: message))
  }

  static func path(_ parent: String, _ key: String) -> String {
    parent.isEmpty ? key : "\(parent).\(key)"
  }

  /// The members of an object; reports a wrong type and every key not in `keys`.
  mutating func object(_ field: Field, keys: [String]) -> [String: Any]? {
    guard case .object(let members) = JSONNode(field.value) else {
      wrongType(field, expected: "an object")
      return nil
    }
    for key in members.keys.sorted() where !keys.contains(key) {
      report(Self.path(field.path, key), "unknown key; allowed: \(keys.joined(separator: ", "))")
    }
    return members
  }

  /// The value of a key; reports a missing required key.
  mutating func field(
    _ members: [String: Any], _ key: String, in parent: String, required: Bool = true
  ) -> Field? {
    let path = Self.path(parent, key)
    guard let value = members[key] else {
      if required { report(path, "required key is missing") }
      return nil
    }
    return Field(value: value, path: path)
  }

  mutating func string(_ field: Field) -> String? {
    guard case .string(let text) = JSONNode(field.value) else {
      wrongType(field, expected: "a string")
      return nil
    }
    return text
  }

  mutating func bool(_ field: Field) -> Bool? {
    guard case .bool(let flag) = JSONNode(field.value) else {
      wrongType(field, expected: "a boolean (true or false)")
      return nil
    }
    return flag
  }

  mutating func list(_ field: Field) -> [Any]? {
    guard case .array(let items) = JSONNode(field.value) else {
      wrongType(field, expected: "a list")
      return nil
    }
    return items
  }

  /// A member of a closed vocabulary, checked against `allowed` (all cases by default).
  mutating func choice<E: RawRepresentable & CaseIterable>(
    _ field: Field, allowed: [E]? = nil, condition: String = ""
  ) -> E? where E.RawValue == String {
    guard let text = string(field) else { return nil }
    let allowed = allowed ?? Array(E.allCases)
    guard let value = E(rawValue: text), allowed.contains(where: { $0.rawValue == text }) else {
      let names = allowed.map(\.rawValue).joined(separator: ", ")
      report(field.path, "'\(text)' is not allowed\(condition); allowed: \(names)")
      return nil
    }
    return value
  }

  /// A finite number inside a range described as `allowed` (e.g. `> 0 and ≤ 100`).
  mutating func number(
    _ field: Field, allowed: String, where isAllowed: (Double) -> Bool
  ) -> Double? {
    guard case .number(let value) = JSONNode(field.value) else {
      wrongType(field, expected: "a number")
      return nil
    }
    guard value.isFinite, isAllowed(value) else {
      report(field.path, "\(formatNumber(value)) is out of range; allowed: \(allowed)")
      return nil
    }
    return value
  }

  /// A whole number inside a closed range.
  mutating func integer(_ field: Field, range: ClosedRange<Int>) -> Int? {
    guard case .number(let value) = JSONNode(field.value) else {
      wrongType(field, expected: "a whole number")
      return nil
    }
    guard value.isFinite, value == value.rounded() else {
      report(field.path, "must be a whole number; got \(formatNumber(value))")
      return nil
    }
    guard value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
      report(
        field.path,
        "\(formatNumber(value)) is out of range; allowed: \(range.lowerBound)–\(range.upperBound)")
      return nil
    }
    return Int(value)
  }

  private mutating func wrongType(_ field: Field, expected: String) {
    let node = JSONNode(field.value)
    var got = node.kindName
    switch node {
    case .string(let text): got += " ('\(text)')"
    case .number(let value): got += " (\(formatNumber(value)))"
    case .bool(let flag): got += " (\(flag))"
    default: break
    }
    report(field.path, "must be \(expected); got \(got)")
  }
}
