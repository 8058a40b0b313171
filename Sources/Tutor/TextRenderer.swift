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

  private func wrap(_ spans: [Span], indent: Int, hang: Int) -> [String] {
    var lines: [String] = []
    var current = String(repeating: " ", count: indent)
    var currentWidth = indent
    var lineHasWord = false
    let continuation = String(repeating: " ", count: indent + hang)
    for span in spans {
      // Keep spaces attached to the following word so spans join naturally.
      for (index, piece) in span.text.split(separator: " ", omittingEmptySubsequences: false)
        .enumerated()
      {
        let word = String(piece)
        // Spaces before the first word of a paragraph are indentation the author meant.
        let needsSpace = index > 0 && (lineHasWord || lines.isEmpty)
        if word.isEmpty {
          if needsSpace {
            current += " "
            currentWidth += 1
          }
          continue
        }
        let addition = (needsSpace ? 1 : 0) + word.count
        if lineHasWord && currentWidth + addition > width {
          lines.append(trimTrailing(current))
          current = continuation
          currentWidth = continuation.count
          lineHasWord = false
        } else if needsSpace {
          current += " "
          currentWidth += 1
        }
        current += paint(word, span.style)
        currentWidth += word.count
        lineHasWord = true
      }
    }
    lines.append(trimTrailing(current))
    return lines
  }

  private func trimTrailing(_ line: String) -> String {
    var line = line
    while line.last == " " { line.removeLast() }
    return line
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
