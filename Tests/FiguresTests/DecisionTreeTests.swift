import Clinical
import Figures
import Testing

@Suite("Figure 3 as a tree")
struct DecisionTreeTests {
  /// Every value of `rule` in ALGORITHM.md section 5.
  static let contractRules =
    ["D2a", "D1", "D2", "D3", "D2b", "D6", "D7", "D8"] + (0...4).map { "D4/S\($0)" }
    + (0...3).flatMap { ["D5/N\($0)", "D8/N\($0)", "D9/N\($0)"] }
  static let widths = [60, 80, 120, 160]

  static func render(
    _ facts: CaseFacts?, width: Int = 80, glyphs: Glyphs = .unicode, color: Bool = false,
    layout: DecisionTreeRenderer.Layout = .compact
  ) -> [String] {
    let renderer = DecisionTreeRenderer(
      style: FigureStyle(width: width, color: color, glyphs: glyphs), layout: layout)
    let lines =
      facts.map { renderer.render(highlighting: ClinicalEngine.assess($0)) }
      ?? renderer.render()
    return lines.map { $0.text(color: color) }
  }

  @Test("every rule and branch of v3 has a node, in the order the engine tries them")
  func everyRuleHasANode() {
    let ids = DecisionTree.figure3.flatMap(\.allNodes).map(\.id)
    let leaves = DecisionTree.figure3.flatMap(\.allNodes).filter(\.children.isEmpty).map(\.id)
    #expect(Set(leaves) == Set(Self.contractRules))
    #expect(Set(ids).count == ids.count)
    #expect(
      DecisionTree.figure3.map(\.id)
        == ["D2a", "D1", "D2", "D3", "D2b", "D4", "D5", "D6", "D7", "D8", "D8/N", "D9"])
    // A full drawing shows each of them on its own line, with its question in words.
    let drawn = RenderedTree(Self.render(nil, layout: .full), glyphs: .unicode)
    #expect(drawn.nodes.map(\.id) == ids)
    for node in DecisionTree.figure3.flatMap(\.allNodes) {
      #expect(node.question.count > 8 && node.outcome.count > 5, "\(node.id)")
    }
  }

  @Test("the example of section 5 lights exactly the path to D7")
  func reviewExamplePath() throws {
    #expect(ClinicalEngine.assess(FactsSample.reviewExample).rule == "D7")
    for glyphs in Glyphs.allCases {
      let lines = Self.render(FactsSample.reviewExample, glyphs: glyphs)
      let tree = RenderedTree(lines, glyphs: glyphs)
      let (decided, passed): (Character, Character) = glyphs == .unicode ? ("▶", "✗") : (">", "x")
      #expect(tree.ids(marked: decided) == ["D7"])
      #expect(tree.ids(marked: passed) == ["D2a", "D1", "D2", "D3", "D2b", "D4", "D5", "D6"])
      // Below D7 nothing was reached; the branches of S and N were not tried either.
      #expect(
        tree.nodes.filter { $0.marker == " " }.map(\.id)
          == (0...4).map { "D4/S\($0)" } + (0...3).map { "D5/N\($0)" } + ["D8", "D8/N", "D9"])
      // The case's own choice stands under the rule that decided it.
      let row = try #require(lines.firstIndex { $0.hasSuffix("D7") })
      #expect(
        lines[(row + 1)...].prefix(3).contains { $0.contains("for these facts: cytoreductive") })
    }
  }

  @Test("for generated facts, the node lit is the rule and branch the engine names")
  func generatedFactsLightTheEnginesRule() {
    var seen = Set<String>()
    let sample = FactsSample.facts()
    #expect(sample.count > 300)
    for (index, facts) in sample.enumerated() {
      let assessment = ClinicalEngine.assess(facts)
      let glyphs = Glyphs.allCases[index % 2]
      let layout: DecisionTreeRenderer.Layout = index % 3 == 0 ? .full : .compact
      let width = Self.widths[index % Self.widths.count]
      let tree = RenderedTree(
        Self.render(facts, width: width, glyphs: glyphs, layout: layout), glyphs: glyphs)
      let decided = tree.ids(marked: glyphs == .unicode ? "▶" : ">")
      guard let rule = assessment.rule else {
        #expect(decided.isEmpty && tree.ids(marked: glyphs == .unicode ? "✗" : "x").isEmpty)
        continue
      }
      seen.insert(rule)
      // The deepest node lit is the engine's rule; above it, its rule; D8 with a branch is
      // the row "D8/N" of the contract.
      #expect(decided.last == rule, "\(rule) \(decided)")
      let top = rule.hasPrefix("D8/") ? "D8/N" : String(rule.prefix { $0 != "/" })
      #expect(decided.first == top, "\(rule) \(decided)")
      #expect(decided.count == (rule.contains("/") ? 2 : 1))
      // Every rule above the deciding one was tried and did not hold.
      let order = DecisionTree.figure3.map(\.id)
      let passedRules = tree.nodes.filter {
        $0.column == 0 && $0.marker == (glyphs == .unicode ? "✗" : "x")
      }.map(\.id)
      #expect(passedRules == Array(order.prefix { $0 != top }))
    }
    #expect(
      seen == Set(Self.contractRules), "not reached: \(Set(Self.contractRules).subtracting(seen))")
  }

  @Test("the ASCII fallback holds no character outside ASCII")
  func asciiFallback() {
    for width in Self.widths + [40] {
      for facts in [nil, FactsSample.reviewExample, FactsSample.baseline] {
        for layout in [DecisionTreeRenderer.Layout.compact, .full] {
          let lines = Self.render(facts, width: width, glyphs: .ascii, layout: layout)
          #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
          #expect(lines.contains { $0.hasPrefix("|- ") } && lines.contains { $0.hasPrefix("`- ") })
          // Every character outside ASCII has a spelling: none became '?'.
          let unicode = Self.render(facts, width: width, glyphs: .unicode, layout: layout)
          #expect(
            lines.joined().filter { $0 == "?" }.count == unicode.joined().filter { $0 == "?" }.count
          )
        }
      }
    }
  }

  @Test("every line fits the width, and the tree's lines are never broken", arguments: widths)
  func fitsTheWidth(width: Int) {
    for facts in FactsSample.facts(cases: 4, drawn: 20) + [FactsSample.reviewExample] {
      for glyphs in Glyphs.allCases {
        for layout in [DecisionTreeRenderer.Layout.compact, .full] {
          let style = FigureStyle(width: width, color: true, glyphs: glyphs)
          let lines = DecisionTreeRenderer(style: style, layout: layout)
            .render(highlighting: ClinicalEngine.assess(facts))
          #expect(lines.allSatisfy { $0.width <= width })
          #expect(lines.allSatisfy { $0.plainText.count == $0.width })
          let plain = lines.map(\.plainText)
          #expect(
            Self.verticalsAreUnbroken(plain, glyphs: glyphs), "\(plain.joined(separator: "\n"))")
        }
      }
    }
  }

  /// Below every `├` (or `|-`), the next line carries the tree on in the same column.
  static func verticalsAreUnbroken(_ lines: [String], glyphs: Glyphs) -> Bool {
    let branch: Character = glyphs == .unicode ? "├" : "|"
    let carry: Set<Character> = glyphs == .unicode ? ["│", "├", "└"] : ["|", "`"]
    let rows = lines.map(Array.init)
    for (index, row) in rows.enumerated().dropLast() {
      for (column, character) in row.enumerated() where character == branch {
        if glyphs == .ascii && (column + 1 >= row.count || row[column + 1] != "-") { continue }
        let next = rows[index + 1]
        guard column < next.count, carry.contains(next[column]) else { return false }
      }
    }
    return true
  }

  @Test("without colour the path reads by its markers; with colour the decided rule is bold")
  func colourAndMarkers() throws {
    let plain = Self.render(FactsSample.reviewExample)
    #expect(!plain.joined().contains("\u{1B}"))
    let coloured = Self.render(FactsSample.reviewExample, color: true)
    let decided = try #require(coloured.first { $0.hasSuffix("D7\u{1B}[0m") })
    #expect(decided.contains("\u{1B}[1;32m▶ ≥ 90 % of the tumour burden removable?"))
    #expect(decided.hasPrefix("\u{1B}[36m├─ \u{1B}[0m"))
    // Rules the facts never reached are faint.
    let unreached = try #require(coloured.first { $0.contains("D9") && $0.contains("Otherwise") })
    #expect(unreached.contains("\u{1B}[2m"))
  }

  @Test("a compact tree draws N under the rule the path took, and says so under the others")
  func compactDrawsNWhereThePathGoes() {
    var facts = FactsSample.baseline
    facts.liver?.resectability = .none
    facts.age = 70
    facts.progressive = true
    facts.stableMonths = 0
    facts.onSSA = true
    facts.contraindications = [.portalVeinThrombosis]
    #expect(ClinicalEngine.assess(facts).rule == "D9/N3")
    let lines = Self.render(facts, width: 160)
    let tree = RenderedTree(lines, glyphs: .unicode)
    #expect(
      tree.nodes.filter { $0.column == 3 }.map(\.id) == (0...4).map { "D4/S\($0)" }
        + (0...3).map { "D9/N\($0)" })
    #expect(tree.ids(marked: "▶") == ["D9", "D9/N3"])
    #expect(
      tree.ids(marked: "✗") == [
        "D2a", "D1", "D2", "D3", "D2b", "D4", "D5", "D6", "D7", "D8", "D8/N", "D9/N0", "D9/N1",
        "D9/N2",
      ])
    let d5 = lines.drop { !$0.contains("Unfit for major liver surgery") }.prefix(2).joined()
    #expect(d5.contains("as under D9"))
    // Without a case, N hangs under D5.
    let bare = RenderedTree(Self.render(nil), glyphs: .unicode)
    #expect(bare.nodes.filter { $0.column == 3 }.map(\.id).suffix(4) == (0...3).map { "D5/N\($0)" })
  }

  @Test("facts without liver metastases are outside the algorithm: no path, and it says why")
  func outsideTheAlgorithm() {
    var facts = FactsSample.baseline
    facts.liver = nil
    let lines = Self.render(facts)
    #expect(lines.joined(separator: " ").contains("outside the algorithm"))
    let tree = RenderedTree(lines, glyphs: .unicode)
    #expect(tree.nodes.allSatisfy { $0.marker == nil })
    #expect(tree.nodes.count > 20)
  }

  @Test("the drawing says it is a reconstruction and a teaching tool, unless told it is said")
  func notice() {
    let style = FigureStyle(width: 80, color: false, glyphs: .unicode)
    let with = DecisionTreeRenderer(style: style).render().map(\.plainText).joined(separator: " ")
    #expect(with.contains("reconstructed") && with.contains("not clinical decision support"))
    let without = DecisionTreeRenderer(style: style, showsNotice: false).render()
      .map(\.plainText).joined(separator: " ")
    #expect(without.contains("reconstructed") && !without.contains("decision support"))
  }
}
