import Foundation
import Tutor

/// What reading one line of input gave.
enum LineEvent: Equatable {
  case line(String)
  /// A line longer than `Tutor.longestLine` bytes once trimmed, with its length; its bytes
  /// were read and dropped as they came.
  case tooLong(Int)
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
///
/// A line is held to `Tutor.longestLine` bytes while it is read, not after: a pipe that sends
/// gigabytes without a newline costs a bounded buffer, not memory without end.
final class PipeLineSource: LineSource {
  /// Bytes read but not yet handed out.
  private var buffer: [UInt8] = []
  private var atEnd = false
  private let limit: Int

  init(limit: Int = Tutor.longestLine) {
    self.limit = limit
  }

  func readLine(prompt: String) -> LineEvent {
    if InterruptFlag.take() { return .interrupted }
    var line = BoundedLine(limit: limit)
    var sawAnything = false
    while true {
      if !buffer.isEmpty {
        sawAnything = true
        let newline = buffer.firstIndex(of: UInt8(ascii: "\n"))
        line.append(buffer[..<(newline ?? buffer.count)])
        buffer.removeSubrange(..<(newline.map { $0 + 1 } ?? buffer.count))
        if newline != nil { return line.event }
      }
      if atEnd {
        // A last line without a newline is still a line, as `Swift.readLine` has it.
        return sawAnything ? line.event : .endOfInput
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
}

/// One line as it arrives in pieces: keeps what can matter (at most `limit` bytes from the
/// first that is not blank) and only counts the rest.
struct BoundedLine {
  let limit: Int
  private var kept: [UInt8] = []
  /// Bytes from the first to the last that is not blank: the length `Tutor` measures.
  private var trimmedLength = 0
  /// Bytes taken since the first that is not blank.
  private var consumed = 0
  private var started = false

  init(limit: Int) {
    self.limit = limit
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
  }

  /// Takes the next piece of the line. Only its ends are looked at once `limit` bytes are
  /// kept, so even a gigabyte without a newline costs little time.
  mutating func append(_ bytes: ArraySlice<UInt8>) {
    var piece = bytes
    if !started {
      guard let first = piece.firstIndex(where: { !Self.isBlank($0) }) else { return }
      piece = piece[first...]
      started = true
    }
    if kept.count <= limit { kept += piece.prefix(limit + 1 - kept.count) }
    if let last = piece.lastIndex(where: { !Self.isBlank($0) }) {
      trimmedLength = consumed + (last - piece.startIndex) + 1
    }
    consumed += piece.count
  }

  /// The line (without a carriage return before its newline), or how long it was.
  var event: LineEvent {
    guard trimmedLength <= limit else { return .tooLong(trimmedLength) }
    return .line(String(decoding: kept.prefix(trimmedLength), as: UTF8.self))
  }
}
