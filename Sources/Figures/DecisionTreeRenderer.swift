import Clinical

/// Draws the decision tree in a terminal: box-drawing lines (or ASCII), every label in
/// clinical words (with its rule id in a dim column for case authors), and, for a case, the
/// path its facts took.
///
/// Pure: lines in, lines out. Every line fits `style.width`; labels wrap between words and the
/// tree's lines carry on beside them, never broken.
public struct DecisionTreeRenderer: Sendable {
  /// How much of the tree to draw.
  public enum Layout: Sendable, Equatable {
    /// The branches of N drawn once, under the rule the path took (else under D5); the other
    /// rules that lead to N say where they are drawn. About 30 lines at 120 columns.
    case compact
    /// Every branch under every rule that uses it.
    case full
  }

  /// The column where labels end at the latest, however wide the terminal.
  static let longestText = 100

  /// Width, colour and characters.
  public var style: FigureStyle
  /// How much of the tree to draw.
  public var layout: Layout
  /// Whether the drawing ends with the notice that the figure is a reconstruction and nelm a
  /// teaching tool; off only where the notice is printed already (`nelm solve`).
  public var showsNotice: Bool
  /// Whether each rule's id (`D5/N2`) is drawn in a column beside it: for `nelm solve`, whose
  /// readers write the ids; a learner never typed them and reads only the clinical words.
  public var showsRuleIDs: Bool

  /// Creates a renderer.
  public init(
    style: FigureStyle, layout: Layout = .compact, showsNotice: Bool = true,
    showsRuleIDs: Bool = true
  ) {
    self.style = style
    self.layout = layout
    self.showsNotice = showsNotice
    self.showsRuleIDs = showsRuleIDs
  }

  /// The tree with the path of an assessment's facts: the rules tried that did not hold, and
  /// the rule and branch that decided.
  public func render(highlighting assessment: Assessment) -> [FigureLine] {
    render(path: DecisionPath(assessment))
  }

  /// The tree, with `path` marked when one is given.
  public func render(
    path: DecisionPath? = nil, tree: [DecisionNode] = DecisionTree.figure3
  ) -> [FigureLine] {
    let glyphs = style.glyphs
    var lines = header(path: path)
    let rows = TreeRows.layout(tree, layout: layout, path: path)
    let marked = path.map { !$0.isOutside } ?? false
    let markerWidth = marked ? 2 : 0
    let idWidth = showsRuleIDs ? rows.map(\.node.id.count).max() ?? 0 : 0
    let questions = Dictionary(
      tree.map { ($0.id, $0.question) }, uniquingKeysWith: { first, _ in first })
    let labels = rows.map { label(of: $0, marked: marked, questions: questions) }
    let natural = zip(rows, labels).map { row, label in
      3 * row.depth + markerWidth + label.reduce(0) { $0 + $1.text.count }
    }
    // The text column ends where the longest label does, or where the id column must begin,
    // and never past `longestText`: the eye loses its line in longer ones.
    let textEnd = min(style.width - 2 - idWidth, natural.max() ?? 0, Self.longestText)
    for (row, label) in zip(rows, labels) {
      let first = textEnd - 3 * row.depth - markerWidth
      let rest = textEnd - 3 * row.depth - 2
      var wrapped = SpanWrapping.wrap(label, width: first, rest: rest)
      if let best = path?.best, path?.decidingID == row.node.id {
        wrapped += SpanWrapping.wrap(
          [FigureSpan(glyphs.fold("\(glyphs.result) for these facts: \(best.name)"), .highlight)],
          width: rest)
      }
      for (index, text) in wrapped.enumerated() {
        var line = FigureLine()
        line.append(row.ancestors(glyphs), .plain)
        if index == 0 {
          let connector = row.isLast ? glyphs.lastBranch : glyphs.branch
          line.append(connector, row.mark == .notReached || !marked ? .plain : .accent)
          line.append(marker(row.mark, marked: marked))
          line.append(text)
          if showsRuleIDs {
            line.pad(to: textEnd + 2)
            line.append(row.node.id, row.mark == .decided ? .highlight : .dim)
          }
        } else {
          line.append(row.isLast ? "   " : glyphs.trunk, .plain)
          line.append(row.hasVisibleChildren ? String(glyphs.trunk.prefix(2)) : "  ", .plain)
          line.append(text)
        }
        lines.append(line.trimmingTrailingSpaces())
      }
    }
    if showsNotice {
      lines.append(FigureLine())
      lines += SpanWrapping.wrap(
        [FigureSpan(glyphs.fold(Simplifications.notice), .dim)], width: style.width)
    }
    return lines
  }

  /// The title and the legend.
  private func header(path: DecisionPath?) -> [FigureLine] {
    let glyphs = style.glyphs
    let title = "Figure 3 (reconstructed): well-differentiated NET liver metastases"
    let legend: String
    if let path, path.isOutside {
      legend =
        "No liver metastases: these facts are outside the algorithm, which treats liver metastases."
    } else if path != nil {
      legend =
        "\(glyphs.decided) decided; \(glyphs.passed) tried, did not hold; the rules are tried "
        + "top to bottom"
    } else {
      legend = "Rules are tried top to bottom; the first that holds decides."
    }
    return SpanWrapping.wrap([FigureSpan(glyphs.fold(title), .strong)], width: style.width)
      + SpanWrapping.wrap([FigureSpan(glyphs.fold(legend), .dim)], width: style.width)
  }

  /// The node's question and outcome, styled by where the path stands; shared branches drawn
  /// elsewhere are named by the rule they are drawn under: its id, or without ids its question.
  private func label(
    of row: TreeRows.Row, marked: Bool, questions: [String: String]
  ) -> [FigureSpan] {
    let glyphs = style.glyphs
    let question = glyphs.fold(row.node.question)
    var outcome = row.node.outcome
    if let drawnUnder = row.branchesDrawnUnder {
      let name = showsRuleIDs ? drawnUnder : questions[drawnUnder].map { "“\($0)”" } ?? drawnUnder
      outcome += " (its branches as under \(name))"
    }
    let rest = glyphs.fold(" \(glyphs.arrow) \(outcome)")
    guard marked else { return [FigureSpan(question, .strong), FigureSpan(rest)] }
    switch row.mark {
    case .decided: return [FigureSpan(question + rest, .highlight)]
    case .passed: return [FigureSpan(question), FigureSpan(rest, .dim)]
    case .notReached: return [FigureSpan(question + rest, .dim)]
    }
  }

  private func marker(_ mark: DecisionPath.Mark, marked: Bool) -> FigureLine {
    guard marked else { return FigureLine() }
    switch mark {
    case .decided: return FigureLine([FigureSpan(style.glyphs.decided + " ", .highlight)])
    case .passed: return FigureLine([FigureSpan(style.glyphs.passed + " ", .dim)])
    case .notReached: return FigureLine([FigureSpan("  ")])
    }
  }
}
