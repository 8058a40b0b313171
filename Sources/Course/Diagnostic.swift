/// One problem found in a lesson file, at a 1-based line and column.
public struct Diagnostic: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The file's path as the user named its folder (`Lessons/02-grading.yaml`).
  public var file: String
  /// 1-based line of the offending node.
  public var line: Int
  /// 1-based column of the offending node, counted in Unicode scalars as libYAML does.
  public var column: Int
  /// What is wrong, in words an author can act on.
  public var message: String

  /// Creates a diagnostic at `file:line:column`.
  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: message`, the form editors and terminals recognise; `file: message`
  /// for a problem of a whole file or folder (line 0).
  ///
  /// Messages quote the file's own text, and lesson files are shared: control characters and
  /// bidirectional overrides in it are shown as `\u{1b}`, never sent to the terminal.
  /// File names come from the course folder too, so they are shown the same way.
  public var description: String {
    line == 0
      ? "\(Self.printable(file)): \(Self.printable(message))"
      : "\(Self.printable(file)):\(line):\(column): \(Self.printable(message))"
  }

  /// `text` with C0 and C1 controls but newline, DEL and bidirectional overrides and
  /// isolates written as `\u{…}`, for messages that quote what a user or a file gave.
  public static func printable(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A: out.unicodeScalars.append(scalar)
      case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
        out += "\\u{" + String(scalar.value, radix: 16) + "}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `file:line:column`, for messages that point at an earlier occurrence.
  var location: String { "\(file):\(line):\(column)" }
}

extension Diagnostic {
  /// Orders diagnostics by file, then line, then column, so output reads top to bottom.
  static func inReadingOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}
