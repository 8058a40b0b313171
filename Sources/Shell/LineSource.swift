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
final class PipeLineSource: LineSource {
  func readLine(prompt: String) -> LineEvent {
    if InterruptFlag.take() { return .interrupted }
    guard let line = Swift.readLine(strippingNewline: true) else {
      return InterruptFlag.take() ? .interrupted : .endOfInput
    }
    return .line(line)
  }
}
