import Foundation

/// Long output (`help`, `glossary`, `sources`, `case list`, `history`) through the learner's
/// pager, as git and man do: `$PAGER`, else `less -FRX` (which prints a text that fits the
/// screen and leaves it, keeps colours, and does not clear the screen).
///
/// Only when standard output is a terminal; through a pipe, and when no pager can be
/// started, the text goes straight to standard output.
enum Pager {
  /// The pager's command line: `$PAGER` when set and not empty, else `less -FRX`.
  static func command(environment: [String: String]) -> String {
    let chosen = environment["PAGER"]?.trimmingCharacters(in: .whitespaces) ?? ""
    return chosen.isEmpty ? "less -FRX" : chosen
  }

  /// Shows `text` through the pager, or writes it when standard output is not a terminal or
  /// the pager cannot start.
  static func show(_ text: String) {
    let environment = ProcessInfo.processInfo.environment
    guard isatty(STDOUT_FILENO) == 1, run(command(environment: environment), input: text)
    else {
      Console.out(text)
      return
    }
  }

  /// Runs `command` with `/bin/sh -c`, `input` on its standard input; false when it could not
  /// be started (nothing was shown then).
  private static func run(_ command: String, input: String) -> Bool {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return false }
    let (readEnd, writeEnd) = (fds[0], fds[1])
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, readEnd, STDIN_FILENO)
    posix_spawn_file_actions_addclose(&actions, readEnd)
    posix_spawn_file_actions_addclose(&actions, writeEnd)
    // nelm ignores SIGPIPE (Console.prepare); the pager gets the default back.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let arguments = ["/bin/sh", "-c", command]
    var argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, environ)
    close(readEnd)
    guard spawned == 0 else {
      close(writeEnd)
      return false
    }
    // A pager that quits early (q in less) closes its end: the rest is not wanted.
    var bytes = Array(input.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        write(writeEnd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      }
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { break }
      offset += written
    }
    close(writeEnd)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // Ctrl-C in the pager is the pager's: it does not cancel nelm's next prompt.
    _ = InterruptFlag.take()
    return true
  }
}
