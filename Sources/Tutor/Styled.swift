/// A run of text with one emphasis. The shell decides whether emphasis becomes colour.
public struct Span: Sendable, Equatable {
  /// How a span is emphasised, by meaning rather than by colour.
  public enum Style: Sendable, Equatable {
    case plain, strong, dim, good, bad, accent
  }

  /// The text.
  public var text: String
  /// How the text is emphasised.
  public var style: Style

  /// Creates a value from its parts.
  public init(_ text: String, _ style: Style = .plain) {
    self.text = text
    self.style = style
  }
}

/// One unit of tutor output, before wrapping to a width.
public enum Block: Sendable, Equatable {
  /// Text wrapped to the width; continuation lines start at `indent + hang` columns.
  case paragraph([Span], indent: Int = 0, hang: Int = 0)
  /// A title rule: `── left ───────── right`.
  case rule(String, right: String)
  /// An empty line.
  case blank
  /// Text printed as it is, one line per newline, never wrapped (JSON, charts).
  case raw(String)
  /// One line laid out already for the screen's width (a table row, a chart): never
  /// wrapped; cut with `…` should it still be wider than the screen.
  case row([Span])

  /// A paragraph of one plain span.
  public static func text(_ string: String, _ style: Span.Style = .plain, indent: Int = 0) -> Block
  {
    .paragraph([Span(string, style)], indent: indent)
  }
}

extension Array where Element == Block {
  /// The label that marks what changed after the review, so it is never taken for the
  /// review's own claim.
  static let sinceTheReview = "Since the review:"

  private static func paragraph(_ text: String, indent: Int) -> Block {
    guard text.hasPrefix(sinceTheReview) else { return .text(text, indent: indent) }
    let rest = text.dropFirst(sinceTheReview.count).trimmingCharacters(in: .whitespaces)
    return .paragraph(
      [Span("▌ ", .accent), Span(sinceTheReview, .strong), Span(" " + rest)], indent: indent,
      hang: 2)
  }

  /// Paragraphs from text whose paragraphs are separated by blank lines.
  static func paragraphs(of text: String, indent: Int = 0) -> [Block] {
    var blocks: [Block] = []
    let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
    for chunk in normalized.components(separatedBy: "\n\n") {
      let joined = chunk.split(separator: "\n", omittingEmptySubsequences: true)
        .map { $0.trimmingCharacters(in: .whitespaces) }
        .joined(separator: " ")
      guard !joined.isEmpty else { continue }
      if !blocks.isEmpty { blocks.append(.blank) }
      blocks.append(paragraph(joined, indent: indent))
    }
    return blocks
  }
}
