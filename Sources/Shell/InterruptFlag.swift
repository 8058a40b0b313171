import Foundation
import Synchronization

/// Remembers that Ctrl-C was pressed.
///
/// libedit returns NULL from `el_gets` both for Ctrl-C (the read is interrupted) and for
/// Ctrl-D; this flag tells the two apart. The handler is installed without `SA_RESTART` so
/// that a blocked read returns at once.
enum InterruptFlag {
  private static let raised = Atomic<Bool>(false)

  /// Installs the SIGINT handler. Safe to call more than once.
  static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in InterruptFlag.raised.store(true, ordering: .relaxed) }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }

  /// Whether Ctrl-C was pressed since the last call, and clears it.
  static func take() -> Bool {
    raised.exchange(false, ordering: .relaxed)
  }
}
