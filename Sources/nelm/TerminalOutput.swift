import Foundation
import Shell

/// The text of a one-shot command (`define`, `search`, `sources`, `case list`, `case show`,
/// `solve`) as a person reads it: wrapped to the terminal when standard output is one, and
/// left as it is through a pipe, where scripts read whole lines.
enum TerminalOutput {
  /// The widest text wraps to, as in the shell: longer lines are hard to read.
  static let maximumWidth = 100

  /// Prints `lines`, each wrapped to the terminal's width when there is a terminal.
  static func print(_ lines: [String]) {
    let text = lines.joined(separator: "\n")
    // Through Console: made printable (course text may carry escapes), and a closed or full
    // standard output is an error nelm reports, not a crash.
    Console.line(width().map { wrap(text, width: $0) } ?? text)
  }

  /// The columns to wrap to: nil when standard output is not a terminal; else `COLUMNS`, else
  /// the terminal's width, else 80; at most `maximumWidth`.
  static func width(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    isTerminal: Bool = isatty(STDOUT_FILENO) == 1
  ) -> Int? {
    guard isTerminal else { return nil }
    var columns = environment["COLUMNS"].flatMap { Int($0) } ?? 0
    if columns <= 0 {
      var size = winsize()
      if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 { columns = Int(size.ws_col) }
    }
    return min(columns > 0 ? columns : 80, maximumWidth)
  }

  /// `text` with every line longer than `width` broken between words. A continued line is
  /// indented as its first line, and past a list marker (`- `, `• `, `a) `), so lists and
  /// indented blocks keep their shape; a word longer than the line is never cut.
  static func wrap(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      wrapLine(line, width: width)
    }.joined(separator: "\n")
  }

  private static func wrapLine(_ line: Substring, width: Int) -> String {
    guard line.count > width else { return String(line) }
    let indent = line.prefix { $0 == " " }
    let body = line.dropFirst(indent.count)
    let marker = body.prefixMatch(of: /(?:[-•] |[a-z]\) )/).map { String($0.output) } ?? ""
    let hang = String(repeating: " ", count: indent.count + marker.count)
    var lines: [String] = []
    var current = String(indent)
    var currentHasWord = false
    for word in body.split(separator: " ", omittingEmptySubsequences: true) {
      if currentHasWord, current.count + 1 + word.count > width {
        lines.append(current)
        current = hang
        currentHasWord = false
      }
      current += (currentHasWord ? " " : "") + word
      currentHasWord = true
    }
    lines.append(current)
    return lines.joined(separator: "\n")
  }
}
