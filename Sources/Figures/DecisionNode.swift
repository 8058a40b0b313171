/// One node of the decision tree: a question, where it leads, and the branches under it.
///
/// A node's `id` is the rule as `nelm solve` and the engine's `Assessment.rule` write it when
/// the decision ends at that node (`D2a`, `D4/S1`, `D8/N`, `D9/N3`), so a path can be matched
/// to the engine's answer without reading any wording.
public struct DecisionNode: Sendable, Equatable {
  /// The rule and branch the node stands for, as the engine writes them.
  public var id: String
  /// The question, in clinical words ("Liver failure?"), or "Otherwise".
  public var question: String
  /// Where a yes leads, in clinical words.
  public var outcome: String
  /// A group of branches that several rules share (`N`), drawn in full once in a compact
  /// tree; nil for a node whose children are its own.
  public var sharedBranches: String?
  /// The branches tried under this node when it holds, in their order.
  public var children: [DecisionNode]

  /// Creates a node from its parts.
  public init(
    id: String, question: String, outcome: String, sharedBranches: String? = nil,
    children: [DecisionNode] = []
  ) {
    self.id = id
    self.question = question
    self.outcome = outcome
    self.sharedBranches = sharedBranches
    self.children = children
  }

  /// The node and every node under it, depth first.
  public var allNodes: [DecisionNode] { [self] + children.flatMap(\.allNodes) }
}
