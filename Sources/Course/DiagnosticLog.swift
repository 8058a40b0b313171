import Yams

/// Collects the problems of one file, so a decoder can go on after the first.
struct DiagnosticLog {
  /// The path that every diagnostic names.
  let file: String
  private(set) var entries: [Diagnostic] = []
  /// Every `source` text read, with where it was written: the course-wide checks compare
  /// them with the references file.
  private(set) var sources: [Located<String>] = []

  init(file: String) {
    self.file = file
  }

  /// Records `message` at `mark`; a node without a mark (never produced by the parser) counts
  /// as the start of the file.
  mutating func report(_ message: String, at mark: Mark?) {
    report(message, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  /// Records a `source` text read at `mark`.
  mutating func noteSource(_ text: String, at mark: Mark?) {
    sources.append(Located(text, file: file, mark: mark))
  }

  /// Records `message` at a position computed rather than read from a node.
  mutating func report(_ message: String, line: Int, column: Int) {
    entries.append(Diagnostic(file: file, line: line, column: column, message: message))
  }
}

/// A value read from a file, with where it was written: for cross-file messages.
struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
  var value: Value
  var file: String
  var line: Int
  var column: Int

  init(_ value: Value, file: String, mark: Mark?) {
    self.value = value
    self.file = file
    self.line = mark?.line ?? 1
    self.column = mark?.column ?? 1
  }

  /// `file:line:column` of the value.
  var location: String { "\(file):\(line):\(column)" }
}
