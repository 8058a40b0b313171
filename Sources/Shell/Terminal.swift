import CLibEdit
import Foundation

/// What the shell knows about where it runs: a terminal or a pipe, its width, colour.
struct Terminal {
  /// Standard input is a terminal: use libedit and prompts.
  var isInteractive: Bool
  /// Colour is wanted: standard output is a terminal and `NO_COLOR` is not set.
  var color: Bool

  init(environment: [String: String]) {
    isInteractive = isatty(STDIN_FILENO) == 1
    let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    color = stdoutIsTerminal && !noColor && environment["TERM"] != "dumb"
  }

  /// The widest screen laid out: tables and charts stretch to it, no further.
  static let widest = 160

  /// Columns to lay screens out for: the terminal's width now (read again before every
  /// screen, so a resized window gets lines that fit it), else `COLUMNS`, else 80.
  func width() -> Int {
    let columns = Int(nelm_terminal_columns(STDOUT_FILENO))
    if columns > 0 { return min(columns, Terminal.widest) }
    // One variable, read only when there is no terminal to ask: `ProcessInfo.environment`
    // would copy all of them before every screen.
    if let text = getenv("COLUMNS").map({ String(cString: $0) }), let value = Int(text), value > 0 {
      return min(value, Terminal.widest)
    }
    return 80
  }

  /// Makes libedit and Swift read UTF-8, even under the C locale that CI gives us.
  static func useUTF8Locale() {
    let chosen = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
    if !chosen.localizedCaseInsensitiveContains("UTF-8")
      && !chosen.localizedCaseInsensitiveContains("utf8")
    {
      _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
  }
}
