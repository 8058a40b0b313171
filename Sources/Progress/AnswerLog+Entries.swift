import Foundation

extension AnswerLog {
  /// One answer of the log and the bytes its line takes, for readers that resume from an
  /// offset (`nelm sync`, `nelm export xapi --since`).
  public struct Entry: Sendable, Equatable {
    /// The answer the line holds.
    public var answer: Answer
    /// What the answer changed in the session (the places it carries).
    public var effects: AnswerEffects
    /// The offset of the line's first byte.
    public var start: Int
    /// The offset just past the line's newline: where the next line starts.
    public var end: Int

    /// Creates a value from its parts.
    public init(answer: Answer, start: Int, end: Int, effects: AnswerEffects = AnswerEffects()) {
      self.answer = answer
      self.effects = effects
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
    // Read as `read(_:)` reads: a regular file only, never through a link, no line longer
    // than `longestLine`.
    guard let fd = try StateFile.open(url.path, O_RDONLY, writable: false) else { return [] }
    defer { close(fd) }
    let newline = UInt8(ascii: "\n")
    var entries: [Entry] = []
    var pending: [UInt8] = []
    var pendingStart = 0
    var lineNumber = 1
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { POSIX.readSome(fd, $0) }
      if count < 0 { throw .unreadable(path: url.path, reason: POSIX.text()) }
      if count == 0 { break }
      pending += chunk[0..<count]
      var lineStart = 0
      while let end = pending[lineStart...].firstIndex(of: newline) {
        if end > lineStart {
          let line = Data(pending[lineStart..<end])
          let logged = try answer(in: line, path: url.path, line: lineNumber)
          entries.append(
            Entry(
              answer: logged.answer, start: pendingStart + lineStart, end: pendingStart + end + 1,
              effects: logged.effects))
        }
        lineNumber += 1
        lineStart = end + 1
      }
      pending.removeSubrange(..<lineStart)
      pendingStart += lineStart
      if pending.count > longestLine {
        throw .corruptLog(
          path: url.path, line: lineNumber, detail: "it is longer than \(longestLine) bytes")
      }
    }
    // A last line without its newline is being written or was torn: not an answer yet.
    return entries
  }
}
