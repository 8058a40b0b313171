import Clinical

/// The way one case's facts went through the decision tree: the rules tried that did not
/// hold, then the rule and branch that decided.
///
/// Read from the engine's `Assessment` (its `decisionRule` and `branch`), never recomputed:
/// the rules are tried in order and the first that holds decides, so every rule above the
/// deciding one was tried and did not hold, and the same within its branches.
public struct DecisionPath: Sendable, Equatable {
  /// The ids of the nodes that held, from the top rule down to the deciding branch
  /// (`["D9", "D9/N3"]`); empty outside the algorithm.
  public var decided: [String]
  /// The ids of the nodes tried that did not hold, top to bottom.
  public var passed: [String]
  /// The engine's first choice for the case; nil outside the algorithm.
  public var best: ClinicalOption?

  /// Creates a path from its parts.
  public init(decided: [String], passed: [String], best: ClinicalOption?) {
    self.decided = decided
    self.passed = passed
    self.best = best
  }

  /// The path of an assessment through `tree` (by default the reconstructed Figure 3).
  public init(_ assessment: Assessment, tree: [DecisionNode] = DecisionTree.figure3) {
    var targets: [String] = []
    if let rule = assessment.decisionRule {
      // D8 with a branch is its own row of the contract: N first, LT acceptable.
      targets.append(rule == .d8 && assessment.branch != nil ? "D8/N" : rule.id)
      if let branch = assessment.branch { targets.append("\(rule.id)/\(branch.id)") }
    }
    var decided: [String] = []
    var passed: [String] = []
    var level = tree
    for target in targets {
      guard let index = level.firstIndex(where: { $0.id == target }) else { break }
      passed += level[..<index].map(\.id)
      decided.append(target)
      level = level[index].children
    }
    self.init(decided: decided, passed: passed, best: assessment.best)
  }

  /// Whether the facts fall outside the algorithm (no liver metastases).
  public var isOutside: Bool { decided.isEmpty }

  /// The id of the node that decided, the deepest one that held.
  public var decidingID: String? { decided.last }

  /// How a node stands on this path.
  func mark(of id: String) -> Mark {
    if decided.contains(id) { return .decided }
    if passed.contains(id) { return .passed }
    return .notReached
  }

  /// How a node stands on a path.
  enum Mark {
    case decided, passed, notReached
  }
}
