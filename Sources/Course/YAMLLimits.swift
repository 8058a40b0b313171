import Yams

/// How much YAML a course file may hold once its aliases are expanded.
///
/// An alias repeats the node its anchor names, so nine lines of anchors and aliases (the
/// "billion laughs") describe a billion nodes: Yams shares them while composing, but any walk
/// over the tree (the case facts, a stage's update) visits every copy. Every decoder checks
/// the tree against this limit before reading it, lessons, cases and the glossary alike.
enum YAMLLimits {
  /// The most nodes a file may expand to; the largest course file has a few thousand.
  static let largestTree = 100_000

  /// The largest course file read, in bytes; the largest one has about 60 KB.
  static let largestFile = 4 << 20

  /// A message when `root` expands to more than `largestTree` nodes; nil otherwise.
  static func problem(in root: Node) -> String? {
    var budget = largestTree
    guard fits(root, &budget) else {
      return "the file expands to more than \(largestTree) YAML nodes (aliases repeat what "
        + "their anchor names); write the values out instead of using aliases"
    }
    return nil
  }

  /// Counts `node` and everything under it against `budget`, stopping as soon as it runs out.
  private static func fits(_ node: Node, _ budget: inout Int) -> Bool {
    budget -= 1
    guard budget >= 0 else { return false }
    switch node {
    case .scalar, .alias:
      return true
    case .sequence(let sequence):
      return sequence.allSatisfy { fits($0, &budget) }
    case .mapping(let mapping):
      return mapping.allSatisfy { fits($0.key, &budget) && fits($0.value, &budget) }
    }
  }
}
