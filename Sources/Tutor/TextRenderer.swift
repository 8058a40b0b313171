/// Turns blocks into lines of a given width, with or without ANSI colour.
///
/// Pure: the shell passes the terminal's width and whether colour is wanted, tests pass
/// fixed values. Tables, rules and rows use the whole width; running text wraps at
/// `proseWidth`, since lines of prose longer than that are hard to read.
public struct TextRenderer: Sendable {
  /// The widest a paragraph of running text is wrapped to by default, on however wide a
  /// screen.
  public static let proseWidth = 100
  /// The widest this renderer wraps running text to.
  public var proseWidth: Int
  /// Columns of the screen (at least 20).
  public var width: Int {
    didSet { width = max(20, width) }
  }
  /// Whether styles become ANSI colours.
  public var color: Bool

  /// Creates a value from its parts.
  public init(width: Int, color: Bool, proseWidth: Int = TextRenderer.proseWidth) {
    self.width = max(20, width)
    self.color = color
    self.proseWidth = proseWidth
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
      return Self.printable(text).split(separator: "\n", omittingEmptySubsequences: false)
        .map(String.init)
    case .rule(let left, let right):
      let right = Self.printable(right)
      var leftPart = "── \(Self.printable(left)) "
      // A title longer than the screen is cut, never wrapped into the rule.
      if leftPart.count > width - 3 { leftPart = String(leftPart.prefix(width - 5)) + "… " }
      let rightPart = right.isEmpty ? "" : " \(right)"
      let fill = max(3, width - leftPart.count - rightPart.count)
      let line = leftPart + String(repeating: "─", count: fill) + rightPart
      if line.count <= width { return [paint(line, .accent)] }
      // Too narrow for one line: the source goes on its own line.
      return [paint(leftPart + String(repeating: "─", count: 3), .accent), paint(right, .dim)]
    case .paragraph(let spans, let indent, let hang):
      let safe = spans.map { Span(Self.printable($0.text), $0.style) }
      return wrap(safe, indent: indent, hang: hang)
    case .row(let spans):
      return [row(spans.map { Span(Self.printable($0.text), $0.style) })]
    }
  }

  /// A laid-out line, cut with `…` at the screen's edge (a table the tutor laid out for a
  /// wider screen than the one it reaches).
  private func row(_ spans: [Span]) -> String {
    var line = ""
    var used = 0
    for span in spans {
      let room = width - used
      if span.text.count <= room || room <= 0 && span.text.isEmpty {
        line += paint(span.text, span.style)
        used += span.text.count
        continue
      }
      if room > 0 { line += paint(String(span.text.prefix(room - 1)) + "…", span.style) }
      break
    }
    return line
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
        if line.hasWord && line.width + addition > min(width, proseWidth) {
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

// Lesson and case files are shared, and error messages echo what was typed: neither may
// drive the terminal. Everything the renderer prints passes through `printable` first.
extension TextRenderer {
  /// `text` without what a terminal would obey rather than show: escape sequences (CSI, OSC
  /// such as OSC 52 clipboard writes, DCS and the like, with their C1 forms), other C0 and C1
  /// controls and DEL, and the bidirectional overrides and isolates that reorder what follows
  /// them. Newlines stay; a tab becomes four spaces, or stays with `keepingTabs` (for text
  /// whose tabs separate fields, such as an Anki export).
  ///
  /// This is the one sanitiser of nelm's output: the shell's replies, and every line the
  /// command line prints from the course or the learner's files, pass through it.
  public static func printable(_ text: String, keepingTabs: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: needsCare) else { return text }
    var out = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      switch scalar.value {
      case 0x0A: out.append(scalar)
      case 0x09 where keepingTabs: out.append(scalar)
      case 0x09: out.append(contentsOf: "    ".unicodeScalars)
      case 0x1B: skipEscape(&scalars)
      case 0x9B: skipControlSequence(&scalars)
      case 0x90, 0x98, 0x9D, 0x9E, 0x9F: skipString(&scalars)
      case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: continue
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  private static func needsCare(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A: false
    case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// Skips what follows an ESC: `[` starts a control sequence, `]`, `P`, `X`, `^` and `_`
  /// a string up to its terminator; anything else is intermediates and one final byte.
  private static func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) {
    guard let next = scalars.next() else { return }
    switch next {
    case "[": skipControlSequence(&scalars)
    case "]", "P", "X", "^", "_": skipString(&scalars)
    default:
      var current = next
      // Intermediate bytes (0x20–0x2F) come before the final one.
      while (0x20...0x2F).contains(current.value), let following = scalars.next() {
        current = following
      }
    }
  }

  /// Skips parameters and intermediates up to the final byte (0x40–0x7E) of a CSI sequence.
  private static func skipControlSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
    while let scalar = scalars.next() {
      if (0x40...0x7E).contains(scalar.value) || !(0x20...0x7E).contains(scalar.value) { return }
    }
  }

  /// Skips an OSC, DCS, SOS, PM or APC string up to BEL, ST or an ESC; an unterminated
  /// string runs to the end of the text.
  private static func skipString(_ scalars: inout String.UnicodeScalarView.Iterator) {
    while let scalar = scalars.next() {
      switch scalar.value {
      case 0x07, 0x9C: return
      case 0x1B:
        // `ESC \` (ST) ends the string, and so does any other escape, skipped with it.
        skipEscape(&scalars)
        return
      default: continue
      }
    }
  }
}
