import Yams

extension Node {
  /// Whether the node is YAML's null: `~`, `null`, or nothing after the colon.
  var isNull: Bool { tag.rawValue == Tag.Name.null.rawValue }

  /// The value of a plain integer scalar; nil for `2.0`, `"2"` or `two`.
  var integer: Int? { tag.rawValue == Tag.Name.int.rawValue ? int : nil }
}
