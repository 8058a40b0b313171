/// The decision tree flattened into the rows a drawing shows, with what each row needs to
/// draw its tree lines.
enum TreeRows {
  /// One node as drawn.
  struct Row {
    var node: DecisionNode
    /// 1 for a rule, 2 for a branch under it, and so on.
    var depth: Int
    /// For each ancestor below the top, whether it was the last of its siblings.
    var ancestorsLast: [Bool]
    var isLast: Bool
    var hasVisibleChildren: Bool
    var mark: DecisionPath.Mark
    /// For a rule whose shared branches are drawn under another rule: that rule's id.
    var branchesDrawnUnder: String?

    /// The tree lines left of the node's connector: a trunk for each ancestor with later
    /// siblings, blanks for the others.
    func ancestors(_ glyphs: Glyphs) -> String {
      ancestorsLast.map { $0 ? "   " : glyphs.trunk }.joined()
    }
  }

  /// The rows of `tree`, depth first; in a compact layout each group of shared branches is
  /// expanded under one rule only: the one the path took, else the first that has them.
  static func layout(
    _ tree: [DecisionNode], layout: DecisionTreeRenderer.Layout, path: DecisionPath?
  ) -> [Row] {
    var expanded: [String: String] = [:]
    if layout == .compact {
      for node in tree {
        guard let group = node.sharedBranches else { continue }
        if path?.decided.first == node.id || expanded[group] == nil { expanded[group] = node.id }
      }
    }
    var rows: [Row] = []
    func visit(_ nodes: [DecisionNode], depth: Int, ancestorsLast: [Bool]) {
      for (index, node) in nodes.enumerated() {
        let isLast = index == nodes.count - 1
        let drawnUnder = node.sharedBranches.flatMap { expanded[$0] }
        let hidden = drawnUnder.map { $0 != node.id } ?? false
        rows.append(
          Row(
            node: node, depth: depth, ancestorsLast: ancestorsLast, isLast: isLast,
            hasVisibleChildren: !hidden && !node.children.isEmpty,
            mark: path?.mark(of: node.id) ?? .notReached,
            branchesDrawnUnder: hidden ? drawnUnder : nil))
        if !hidden {
          visit(node.children, depth: depth + 1, ancestorsLast: ancestorsLast + [isLast])
        }
      }
    }
    visit(tree, depth: 1, ancestorsLast: [])
    return rows
  }
}
