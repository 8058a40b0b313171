import Yams

extension Node {
  /// Whether the node is YAML's null: `~`, `null`, or nothing after the colon.
  var isNull: Bool { tag.rawValue == Tag.Name.null.rawValue }

  /// The value of a plain integer scalar; nil for `2.0`, `"2"` or `two`.
  var integer: Int? { tag.rawValue == Tag.Name.int.rawValue ? int : nil }
}

extension Node.Mapping {
  /// The text of `key` when it is a non-empty scalar: to name a record in messages, even one
  /// whose id is malformed.
  func label(_ key: String) -> String? {
    guard let node = self[key], case .scalar(let scalar) = node, !node.isNull,
      !scalar.string.isEmpty
    else { return nil }
    return scalar.string
  }
}
