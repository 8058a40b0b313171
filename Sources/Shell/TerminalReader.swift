import CLibEdit
import Foundation

/// Reads one character from the terminal for libedit (`EL_GETCFN`), waking up for Ctrl-C.
///
/// libedit's own reader blocks in read(2); if SIGINT lands just before that call, Ctrl-C is
/// not seen until the next key. This reader polls the terminal and the interrupt pipe
/// together, and decodes UTF-8 itself as libedit's reader would.
struct TerminalReader {
  /// Outcome of one read, in libedit's terms.
  enum Result {
    case character(wchar_t)
    case endOfInput
    case interrupted
  }

  static func readCharacter(from fd: Int32 = STDIN_FILENO) -> Result {
    var state = mbstate_t()
    while true {
      var fds = [
        pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
        pollfd(fd: InterruptFlag.wakeFD, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, nfds_t(InterruptFlag.wakeFD >= 0 ? 2 : 1), -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return .endOfInput
      }
      if fds[1].revents != 0 { return .interrupted }
      var byte: CChar = 0
      let count = read(fd, &byte, 1)
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return .endOfInput
      }
      if count == 0 { return .endOfInput }
      var wide: wchar_t = 0
      var last = byte
      let used = mbrtowc(&wide, &last, 1, &state)
      switch used {
      case Int(bitPattern: UInt(bitPattern: -2)):
        continue  // part of a multibyte character: read on
      case Int(bitPattern: UInt(bitPattern: -1)):
        return .character(0xFFFD)  // invalid UTF-8 becomes the replacement character
      default:
        return .character(wide)
      }
    }
  }
}
