/// A run of a figure's text with one emphasis, named by meaning rather than by colour.
public struct FigureSpan: Sendable, Equatable {
  /// How a span is emphasised. The names follow the Tutor's `Span.Style`, so a caller that
  /// renders its own way maps them one to one (`highlight` to its strongest "good" style).
  public enum Style: Sendable, Equatable, CaseIterable {
    /// No emphasis.
    case plain
    /// Bold: a question, a title.
    case strong
    /// Faint: labels, rule ids, what the facts never reached.
    case dim
    /// The path the facts took: its tree lines and markers, and the bars of a chart.
    case accent
    /// The rule and branch that decided.
    case highlight
  }

  /// The text: one terminal column per character (figures use no wide characters).
  public var text: String
  /// How the text is emphasised.
  public var style: Style

  /// Creates a span from its parts.
  public init(_ text: String, _ style: Style = .plain) {
    self.text = text
    self.style = style
  }
}

/// One line of a figure: spans laid out already, never to be wrapped again.
public struct FigureLine: Sendable, Equatable {
  /// The spans, left to right.
  public var spans: [FigureSpan]

  /// Creates a line from its spans.
  public init(_ spans: [FigureSpan] = []) {
    self.spans = spans
  }

  /// The line without emphasis.
  public var plainText: String { spans.map(\.text).joined() }

  /// The columns the line takes on a terminal.
  public var width: Int { spans.reduce(0) { $0 + $1.text.count } }

  /// The line as a terminal shows it: with ANSI SGR codes when `color` is on, else plain.
  public func text(color: Bool) -> String {
    guard color else { return plainText }
    return spans.map { span in
      guard let code = Self.sgr(span.style), !span.text.isEmpty else { return span.text }
      return "\u{1B}[\(code)m\(span.text)\u{1B}[0m"
    }.joined()
  }

  /// Appends a span, merging it into the last one when they share a style.
  public mutating func append(_ text: String, _ style: FigureSpan.Style = .plain) {
    guard !text.isEmpty else { return }
    if let last = spans.last, last.style == style {
      spans[spans.count - 1].text += text
    } else {
      spans.append(FigureSpan(text, style))
    }
  }

  /// Appends every span of another line.
  public mutating func append(_ line: FigureLine) {
    for span in line.spans { append(span.text, span.style) }
  }

  /// Pads the line with spaces to `columns`.
  mutating func pad(to columns: Int) {
    append(String(repeating: " ", count: max(0, columns - width)))
  }

  /// The line with trailing spaces removed.
  func trimmingTrailingSpaces() -> FigureLine {
    var spans = spans
    while let last = spans.last {
      let trimmed = String(last.text.reversed().drop { $0 == " " }.reversed())
      if trimmed.isEmpty {
        spans.removeLast()
        continue
      }
      spans[spans.count - 1].text = trimmed
      break
    }
    return FigureLine(spans)
  }

  private static func sgr(_ style: FigureSpan.Style) -> String? {
    switch style {
    case .plain: nil
    case .strong: "1"
    case .dim: "2"
    case .accent: "36"
    case .highlight: "1;32"
    }
  }
}

extension Array where Element == FigureLine {
  /// The lines as a terminal shows them, each ending in a newline.
  public func text(color: Bool) -> String {
    map { $0.text(color: color) + "\n" }.joined()
  }
}
