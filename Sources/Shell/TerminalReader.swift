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
      let count = readWithoutBlocking(fd, &byte)
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

  /// Reads one byte, or fails with EAGAIN when there is none after all. poll(2) can say
  /// "readable" just before Ctrl-C makes the kernel flush the typed-ahead bytes; a blocking
  /// read would then wait for the next key, with the interrupt already handled.
  private static func readWithoutBlocking(_ fd: Int32, _ byte: inout CChar) -> Int {
    let flags = fcntl(fd, F_GETFL)
    guard flags >= 0 else { return read(fd, &byte, 1) }
    // The terminal's open file is shared with the shell that started nelm: the flag is set
    // only around this one read.
    _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    let count = read(fd, &byte, 1)
    let error = errno
    _ = fcntl(fd, F_SETFL, flags)
    errno = error
    return count
  }
}
