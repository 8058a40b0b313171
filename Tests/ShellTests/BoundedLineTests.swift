import Testing

@testable import Shell

@Suite("Lines read from a pipe")
struct BoundedLineTests {
  func line(_ pieces: [String], limit: Int = 10) -> LineEvent {
    var line = BoundedLine(limit: limit)
    for piece in pieces { line.append(ArraySlice(Array(piece.utf8))) }
    return line.event
  }

  @Test(
    "a line is trimmed of blanks and a carriage return, however its bytes arrive",
    arguments: [
      (["study 1"], LineEvent.line("study 1")),
      (["  stu", "dy 1 \r"], .line("study 1")),
      (["\t", "  "], .line("")),
      (["0123456789"], .line("0123456789")),
      (["  0123456789  "], .line("0123456789")),
      (["01234", "567890"], .tooLong(11)),
      ([String(repeating: "x", count: 5000)], .tooLong(5000)),
    ])
  func trimmedAndBounded(pieces: [String], expected: LineEvent) {
    #expect(line(pieces) == expected)
  }
}
