/// Word wrapping of styled text into lines of a fixed width, for labels inside a figure.
enum SpanWrapping {
  /// `spans` broken between words into lines of at most `width` columns. A word longer than
  /// the line is cut (the figure's frame matters more than the word); spaces between words are
  /// kept in the style of the word they follow.
  ///
  /// `rest` is the width of every line after the first (a hanging indent); by default the
  /// same.
  static func wrap(_ spans: [FigureSpan], width first: Int, rest: Int? = nil) -> [FigureLine] {
    var lines: [FigureLine] = []
    var line = FigureLine()
    var width: Int { max(1, lines.isEmpty ? first : rest ?? first) }
    for (word, style) in words(of: spans) {
      var word = word
      if line.width > 0 && line.width + 1 + word.count > width {
        lines.append(line)
        line = FigureLine()
      }
      if line.width > 0 { line.append(" ", line.spans.last?.style ?? style) }
      while word.count > width - line.width {
        let room = width - line.width
        line.append(String(word.prefix(room)), style)
        word = String(word.dropFirst(room))
        lines.append(line)
        line = FigureLine()
      }
      line.append(word, style)
    }
    if line.width > 0 || lines.isEmpty { lines.append(line) }
    return lines
  }

  private static func words(of spans: [FigureSpan]) -> [(String, FigureSpan.Style)] {
    spans.flatMap { span in
      span.text.split(separator: " ", omittingEmptySubsequences: true).map {
        (String($0), span.style)
      }
    }
  }
}

extension String {
  /// The string cut to `width` columns, ending in `ellipsis` when cut.
  func truncated(to width: Int, ellipsis: String) -> String {
    guard count > width else { return self }
    guard width > ellipsis.count else { return String(prefix(max(0, width))) }
    return String(prefix(width - ellipsis.count)) + ellipsis
  }

  /// The string padded with spaces on the left to `width` columns.
  func leftPadded(to width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }

  /// The string padded with spaces on the right to `width` columns.
  func rightPadded(to width: Int) -> String {
    self + String(repeating: " ", count: max(0, width - count))
  }
}
