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

  /// `file:line:column: message`, the form editors and terminals recognise.
  public var description: String { "\(file):\(line):\(column): \(message)" }

  /// `file:line:column`, for messages that point at an earlier occurrence.
  var location: String { "\(file):\(line):\(column)" }
}

extension Diagnostic {
  /// Orders diagnostics by file, then line, then column, so output reads top to bottom.
  static func inReadingOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}
