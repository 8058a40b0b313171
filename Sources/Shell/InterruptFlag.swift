import Foundation
import Synchronization

/// Remembers that Ctrl-C was pressed, and wakes a reader blocked on the terminal.
///
/// The SIGINT handler sets a flag and writes a byte to a pipe (the self-pipe trick): a
/// reader that polls the terminal and the pipe together sees Ctrl-C even when the signal
/// arrives just before it blocks, which a flag alone would miss.
enum InterruptFlag {
  private static let raised = Atomic<Bool>(false)
  private static let wakeWriteFD = Atomic<Int32>(-1)
  private static let wakeReadFD = Atomic<Int32>(-1)

  /// Installs the SIGINT handler and its wake pipe. Call once, early.
  static func install() {
    var fds: [Int32] = [-1, -1]
    if pipe(&fds) == 0 {
      for fd in fds {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      }
      wakeReadFD.store(fds[0], ordering: .relaxed)
      wakeWriteFD.store(fds[1], ordering: .relaxed)
    }
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      InterruptFlag.raised.store(true, ordering: .relaxed)
      let fd = InterruptFlag.wakeWriteFD.load(ordering: .relaxed)
      if fd >= 0 {
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
      }
    }
    sigemptyset(&action.sa_mask)
    // No SA_RESTART: a blocked read returns EINTR at once.
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }

  /// The read end of the wake pipe, or -1.
  static var wakeFD: Int32 { wakeReadFD.load(ordering: .relaxed) }

  /// Whether Ctrl-C was pressed since the last call; clears the flag and the pipe.
  static func take() -> Bool {
    let fd = wakeFD
    if fd >= 0 {
      var buffer = [UInt8](repeating: 0, count: 64)
      while read(fd, &buffer, buffer.count) > 0 {}
    }
    return raised.exchange(false, ordering: .relaxed)
  }
}
