import CLibEdit
import Foundation
import Progress
import Tutor

/// Line editing on a terminal through libedit's native API (`el_gets`, `history`).
///
/// Emacs keys by default, `~/.editrc` honoured (`el_source`), history kept in a file of
/// its own, and Tab bound to `complete`, which asks `completer` for candidates.
///
/// Both files are opened by nelm, not libedit: only a regular file is read (a FIFO would
/// block start-up for ever), within a size limit, and the history is written through the
/// durable-write path, never through a link (`HistoryFile`).
final class LineEditor: LineSource {
  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private let historyFile: HistoryFile?
  private var promptBuffer: UnsafeMutablePointer<CChar>
  /// Candidates for the last word of the line up to the cursor.
  var completer: (String) -> [String] = { _ in [] }
  /// Whether a line goes into the history: commands do; answers, facts and names do not, so
  /// Up recalls commands.
  var remembers: (String) -> Bool = { _ in true }

  /// Opens libedit on the process's terminal. Nil when libedit cannot start.
  init?(historyFile: HistoryFile?) {
    guard let editLine = nelm_el_init("nelm"), let history = nelm_history_init(1000) else {
      return nil
    }
    self.editLine = editLine
    self.history = history
    self.historyFile = historyFile
    self.promptBuffer = strdup("") ?? UnsafeMutablePointer<CChar>.allocate(capacity: 1)
    nelm_el_set_editor(editLine, "emacs")
    nelm_el_set_history(editLine, history)
    nelm_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
    nelm_el_set_prompt(editLine) { editLine in
      guard let editLine, let data = nelm_el_get_clientdata(editLine) else { return nil }
      return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptBuffer
    }
    nelm_el_add_function(editLine, "nelm-complete", "Complete the word before the cursor") {
      editLine, _ in
      guard let editLine, let data = nelm_el_get_clientdata(editLine) else {
        return UInt8(CC_ERROR)
      }
      return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().complete()
    }
    nelm_el_bind(editLine, "^I", "nelm-complete")
    nelm_el_add_function(editLine, "nelm-interrupt", "Clear the line, or leave the screen") {
      editLine, _ in
      guard let editLine, let data = nelm_el_get_clientdata(editLine) else {
        return UInt8(CC_ERROR)
      }
      return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().interrupt()
    }
    // Ctrl-C raises SIGINT (the terminal keeps ISIG, so Ctrl-Z and Ctrl-\ work as always);
    // the reader turns the signal into this key, so libedit handles it inside the line it is
    // editing, where the line's text is known, instead of abandoning the read.
    nelm_el_bind(editLine, "^C", "nelm-interrupt")
    nelm_el_set_read_function(editLine) { _, character in
      switch TerminalReader.readCharacter() {
      case .character(let value):
        character?.pointee = value
        return 1
      case .endOfInput:
        return 0
      case .interrupted:
        _ = InterruptFlag.take()
        character?.pointee = 3
        return 1
      }
    }
    // libedit puts the terminal in canonical mode whenever `el_gets` returns. A Ctrl-D typed
    // in that moment is a cooked end-of-file, which the switch back to raw mode loses, and
    // nelm then waits for ever (Ctrl-C then Ctrl-D at once did it). Its "between lines" mode
    // is therefore made non-canonical, as `holdKeys` also keeps it.
    nelm_el_setty(editLine, "-x", "-icanon")
    nelm_el_setty(editLine, "-x", "-echo")
    // The learner's own bindings win over ours.
    HistoryFile.withEditrc { el_source(editLine, $0) }
    historyFile?.load { nelm_history_load(history, $0) }
    LineEditor.holdKeys()
  }

  /// Keeps the terminal out of canonical mode between lines, while nelm works on the last
  /// one. libedit puts it back in cooked mode whenever `el_gets` returns; a Ctrl-D typed in
  /// that window would be a cooked end-of-file, which the switch back to raw mode loses, so
  /// the next read would wait for ever. In non-canonical mode it stays a 0x04 byte for libedit
  /// to read. (libedit restores the terminal as it found it in `el_end`.)
  static func holdKeys() {
    var settings = termios()
    guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
    settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
    _ = tcsetattr(STDIN_FILENO, TCSANOW, &settings)
  }

  deinit {
    el_end(editLine)
    history_end(history)
    free(promptBuffer)
  }

  func readLine(prompt: String) -> LineEvent {
    free(promptBuffer)
    promptBuffer = strdup(prompt) ?? UnsafeMutablePointer<CChar>.allocate(capacity: 1)
    // The window may have been resized since the last line: libedit reads its size again,
    // so a long line wraps where the terminal does (nelm sets no SIGWINCH handler in it).
    el_resize(editLine)
    // A Ctrl-C pressed while nelm was busy is not cleared here: it cancels this read.
    var count: Int32 = 0
    let raw = el_gets(editLine, &count)
    LineEditor.holdKeys()
    guard let raw else {
      writeOut(interrupted ? "^C\n" : "\n")
      defer { interrupted = false }
      return interrupted ? .interrupted : .endOfInput
    }
    var line = String(cString: raw)
    if line.hasSuffix("\n") { line.removeLast() }
    if !line.trimmingCharacters(in: .whitespaces).isEmpty && remembers(line) {
      nelm_history_enter(history, line)
      historyFile?.save(history)
    }
    return .line(line)
  }

  /// Ctrl-C on an empty line: `readLine` reports it as `.interrupted`.
  private var interrupted = false

  /// Ctrl-C: clears the line when it holds text (as every shell does); on an empty line it
  /// ends the read, and the shell leaves the screen.
  private func interrupt() -> UInt8 {
    var cursor: Int32 = 0
    var length: Int32 = 0
    guard nelm_el_line_buffer(editLine, &cursor, &length) != nil else { return UInt8(CC_ERROR) }
    if length > 0 {
      _ = el_cursor(editLine, length - cursor)
      el_deletestr(editLine, length)
      return UInt8(CC_REFRESH)
    }
    interrupted = true
    return UInt8(CC_EOF)
  }

  /// Tab: completes the word before the cursor, or lists the choices.
  private func complete() -> UInt8 {
    var cursor: Int32 = 0
    var length: Int32 = 0
    guard let buffer = nelm_el_line_buffer(editLine, &cursor, &length) else {
      return UInt8(CC_ERROR)
    }
    let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(cursor))
    let before = String(decoding: bytes, as: UTF8.self)
    let word =
      before.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    // Candidates come from the course (glossary terms): inserted and shown printable.
    let candidates = completer(before).map { TextRenderer.printable($0) }
    guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
    if candidates.count == 1, let only = candidates.first {
      el_insertstr(editLine, String(only.dropFirst(word.count)) + " ")
      return UInt8(CC_REFRESH)
    }
    let prefix = commonPrefix(of: candidates)
    if prefix.count > word.count {
      el_insertstr(editLine, String(prefix.dropFirst(word.count)))
      return UInt8(CC_REFRESH)
    }
    let columns = Int(nelm_terminal_columns(STDOUT_FILENO))
    let lines = CandidateColumns.lines(candidates, width: columns > 0 ? columns : 80)
    writeOut("\n" + lines.joined(separator: "\n") + "\n")
    return UInt8(CC_REDISPLAY)
  }
}

/// The longest prefix every string shares.
func commonPrefix(of strings: [String]) -> String {
  guard var prefix = strings.first else { return "" }
  for string in strings.dropFirst() {
    while !string.hasPrefix(prefix) { prefix.removeLast() }
  }
  return prefix
}
