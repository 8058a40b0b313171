/// Turns blocks into lines of a given width, with or without ANSI colour.
///
/// Pure: the shell passes the terminal's width and whether colour is wanted, tests pass
/// fixed values.
public struct TextRenderer: Sendable {
  public var width: Int
  public var color: Bool

  public init(width: Int, color: Bool) {
    self.width = max(20, width)
    self.color = color
  }

  /// The blocks as text, each line ending in a newline.
  public func render(_ blocks: [Block]) -> String {
    var out = ""
    for block in blocks {
      for line in lines(of: block) { out += line + "\n" }
    }
    return out
  }

  func lines(of block: Block) -> [String] {
    switch block {
    case .blank:
      return [""]
    case .raw(let text):
      return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    case .rule(let left, let right):
      let leftPart = "── \(left) "
      let rightPart = right.isEmpty ? "" : " \(right)"
      let fill = max(3, width - leftPart.count - rightPart.count)
      let line = leftPart + String(repeating: "─", count: fill) + rightPart
      if line.count <= width { return [paint(line, .accent)] }
      // Too narrow for one line: the source goes on its own line.
      return [paint(leftPart + String(repeating: "─", count: 3), .accent), paint(right, .dim)]
    case .paragraph(let spans, let indent, let hang):
      return wrap(spans, indent: indent, hang: hang)
    }
  }

  /// A line being built: words with their styles, so colour codes wrap whole runs.
  private struct LineBuilder {
    var segments: [(text: String, style: Span.Style)] = []
    var width = 0
    var hasWord = false

    init(indent: Int) {
      if indent > 0 { append(String(repeating: " ", count: indent), .plain) }
    }

    mutating func append(_ text: String, _ style: Span.Style) {
      if let last = segments.last, last.style == style {
        segments[segments.count - 1].text += text
      } else {
        segments.append((text, style))
      }
      width += text.count
    }
  }

  private func wrap(_ spans: [Span], indent: Int, hang: Int) -> [String] {
    var lines: [String] = []
    var line = LineBuilder(indent: indent)
    for span in spans {
      // Split on spaces; a piece after the first had a space before it.
      for (index, piece) in span.text.split(separator: " ", omittingEmptySubsequences: false)
        .enumerated()
      {
        let word = String(piece)
        // Spaces before the first word of a paragraph are indentation the author meant.
        let needsSpace = index > 0 && (line.hasWord || lines.isEmpty)
        if word.isEmpty {
          if needsSpace { line.append(" ", span.style) }
          continue
        }
        let addition = (needsSpace ? 1 : 0) + word.count
        if line.hasWord && line.width + addition > width {
          lines.append(finish(line))
          line = LineBuilder(indent: indent + hang)
        } else if needsSpace {
          line.append(" ", span.style)
        }
        line.append(word, span.style)
        line.hasWord = true
      }
    }
    lines.append(finish(line))
    return lines
  }

  private func finish(_ line: LineBuilder) -> String {
    var segments = line.segments
    while let last = segments.last, last.text.hasSuffix(" ") {
      let trimmed = String(last.text.dropLast())
      if trimmed.isEmpty {
        segments.removeLast()
      } else {
        segments[segments.count - 1].text = trimmed
      }
    }
    return segments.map { paint($0.text, $0.style) }.joined()
  }

  private func paint(_ text: String, _ style: Span.Style) -> String {
    guard color, style != .plain else { return text }
    let code: String
    switch style {
    case .plain: return text
    case .strong: code = "1"
    case .dim: code = "2"
    case .good: code = "32"
    case .bad: code = "31"
    case .accent: code = "36"
    }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}
