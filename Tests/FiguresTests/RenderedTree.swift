import Figures

/// A drawn tree read back as a learner reads it: each node's line, its marker and its rule id.
struct RenderedTree {
  struct Node: Equatable {
    /// The rule id in the right-hand column.
    var id: String
    /// The marker after the connector (decided or passed), a space on the path's tree for a
    /// node not reached, or nil in a tree drawn without a path.
    var marker: Character?
    /// The column of the node's connector: 0 for a rule, 3 for a branch under it.
    var column: Int
  }

  var lines: [String]
  var nodes: [Node] = []

  init(_ lines: [String], glyphs: Glyphs) {
    self.lines = lines
    let connectors = glyphs == .unicode ? ["├─ ", "└─ "] : ["|- ", "`- "]
    for line in lines {
      guard
        let range = connectors.compactMap({ line.range(of: $0) }).min(by: {
          $0.lowerBound < $1.lowerBound
        }),
        let id = line.firstMatch(of: /\s{2,}(D\d[ab]?(?:\/[NS]\d?)?)$/)?.output.1
      else { continue }
      let column = line.distance(from: line.startIndex, to: range.lowerBound)
      // A marker is one character and a space: a label may begin with `>` too (`>= 90 %`).
      let slot = Array(line[range.upperBound...].prefix(2))
      let markers: Set<Character> = ["▶", "✗", ">", "x", " "]
      let marker = slot.count == 2 && slot[1] == " " && markers.contains(slot[0]) ? slot[0] : nil
      nodes.append(Node(id: String(id), marker: marker, column: column))
    }
  }

  /// The ids of the nodes with `marker`, top to bottom.
  func ids(marked marker: Character) -> [String] {
    nodes.filter { $0.marker == marker }.map(\.id)
  }
}
