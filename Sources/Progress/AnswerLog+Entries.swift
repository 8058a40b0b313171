import Foundation

extension AnswerLog {
  /// One answer of the log and the bytes its line takes, for readers that resume from an
  /// offset (`nelm sync`, `nelm export xapi --since`).
  public struct Entry: Sendable, Equatable {
    /// The answer the line holds.
    public var answer: Answer
    /// The offset of the line's first byte.
    public var start: Int
    /// The offset just past the line's newline: where the next line starts.
    public var end: Int

    /// Creates a value from its parts.
    public init(answer: Answer, start: Int, end: Int) {
      self.answer = answer
      self.start = start
      self.end = end
    }
  }

  /// The complete lines of the log, oldest first, with their offsets; no log, no entries.
  ///
  /// Safe while a shell appends to the log: a last line without its newline (being written
  /// right now, or torn by a crash and not yet repaired) is not an answer yet and is left
  /// out, so two reads never disagree about a line they both return. Takes no lock.
  public static func entries(_ url: URL) throws(ProgressError) -> [Entry] {
    guard let bytes = try POSIX.readFile(url.path) else { return [] }
    let newline = UInt8(ascii: "\n")
    guard let last = bytes.lastIndex(of: newline) else { return [] }
    var entries: [Entry] = []
    var start = 0
    var lineNumber = 1
    while start <= last, let end = bytes[start...last].firstIndex(of: newline) {
      defer {
        start = end + 1
        lineNumber += 1
      }
      if end == start { continue }
      let line = Data(bytes[start..<end])
      let answers = try answers(in: line, path: url.path, firstLine: lineNumber)
      entries += answers.map { Entry(answer: $0, start: start, end: end + 1) }
    }
    return entries
  }
}
