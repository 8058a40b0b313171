import Foundation
import Synchronization

/// What SIGTERM, SIGHUP (a closed terminal) and SIGQUIT (Ctrl-\) do: put the terminal back
/// as nelm found it, then end nelm.
///
/// Without this, a signal that ends nelm between two lines leaves the terminal without echo
/// (libedit and `LineEditor.holdKeys` turn it off), and Ctrl-\ printed the runtime's crash
/// banner while nelm went on holding the learner's lock. Ending at once is safe: every answer
/// is saved before its acknowledgement, and a save cut short is repaired at the next open, as
/// after a crash. SIGTERM and SIGHUP end nelm with their own signal, as shells expect; SIGQUIT
/// with status 131 (128 + 3), without a core dump.
enum SignalExit {
  nonisolated(unsafe) private static var saved = termios()
  private static let hasSaved = Atomic<Bool>(false)

  /// Remembers the terminal's settings and installs the handlers. Call once, early.
  static func install() {
    if isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &saved) == 0 {
      hasSaved.store(true, ordering: .relaxed)
    }
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in
      // Only async-signal-safe calls here: tcsetattr, signal, raise, _exit.
      if SignalExit.hasSaved.load(ordering: .relaxed) {
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &SignalExit.saved)
      }
      if signal == SIGQUIT { _exit(128 + SIGQUIT) }
      _ = Glibc.signal(signal, SIG_DFL)
      _ = raise(signal)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    for signal in [SIGTERM, SIGHUP, SIGQUIT] {
      sigaction(signal, &action, nil)
    }
  }
}
