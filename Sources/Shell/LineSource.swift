import Foundation

/// What reading one line of input gave.
enum LineEvent: Equatable {
  case line(String)
  /// Ctrl-C.
  case interrupted
  /// Ctrl-D at an empty line, or the end of the pipe.
  case endOfInput
}

/// Where the shell's lines come from: libedit on a terminal, or a pipe.
protocol LineSource: AnyObject {
  /// Reads one line; `prompt` is shown only on a terminal.
  func readLine(prompt: String) -> LineEvent
}

/// Lines from a pipe or file on standard input: no prompts, no editing.
///
/// Reads with read(2), not stdio: Ctrl-C's handler has no SA_RESTART, so a blocked getline
/// fails with EINTR and leaves stdin's error flag set, and `Swift.readLine` then spins on it
/// at full CPU without ever reading the next line.
final class PipeLineSource: LineSource {
  private var buffer: [UInt8] = []
  /// Bytes of `buffer` already searched for a newline.
  private var searched = 0
  private var atEnd = false

  func readLine(prompt: String) -> LineEvent {
    if InterruptFlag.take() { return .interrupted }
    while true {
      if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
        return .line(takeLine(upTo: newline, dropping: 1))
      }
      searched = buffer.count
      if atEnd {
        // A last line without a newline is still a line, as `Swift.readLine` has it.
        return buffer.isEmpty ? .endOfInput : .line(takeLine(upTo: buffer.count, dropping: 0))
      }
      var chunk = [UInt8](repeating: 0, count: 65_536)
      let count = read(STDIN_FILENO, &chunk, chunk.count)
      if count > 0 {
        buffer += chunk[..<count]
      } else if count < 0 && errno == EINTR {
        if InterruptFlag.take() { return .interrupted }
      } else {
        atEnd = true
      }
    }
  }

  /// The line before `end` (without a carriage return before the newline) as text; removes it
  /// and `dropping` bytes after it from the buffer.
  private func takeLine(upTo end: Int, dropping: Int) -> String {
    var line = buffer[..<end]
    if dropping > 0, line.last == UInt8(ascii: "\r") { line = line.dropLast() }
    let text = String(decoding: line, as: UTF8.self)
    buffer.removeSubrange(..<(end + dropping))
    searched = 0
    return text
  }
}
