import CLibEdit
import Foundation
import Progress
import Synchronization

/// The shell's history file (`$XDG_STATE_HOME/nelm/history`) and the learner's `~/.editrc`,
/// opened by nelm so that libedit never opens a path itself.
///
/// libedit would `fopen` them: through a link (writing the history over whatever it points
/// to), and blocking on a FIFO. Here a file is read only when it is a regular file within
/// `largest` bytes, and libedit is handed `/dev/fd/N` of that open file; the history is
/// written to memory by libedit and then to disk through `DurableFile` (mode 0600, never
/// through a link). A history path that is not a regular file is reported once and not used.
struct HistoryFile {
  /// The history file's path.
  let path: String

  /// The largest history or `.editrc` read; 1,000 lines of history take a few kilobytes.
  static let largest = 1 << 20

  /// The history at `path`, or nil (with a warning) when something else stands there.
  init?(path: String) {
    do {
      try StateFile.check(path, writable: true)
    } catch {
      warn("not using the history file: \(error.message)")
      return nil
    }
    self.path = path
  }

  /// Hands `load` a path libedit can read the history from, when there is one to read.
  func load(_ load: (String) -> Void) {
    Self.withRegularFile(path, what: "history file", followingLinks: false, load)
  }

  /// Writes libedit's history to the file; a failure is warned about once, not repeated.
  func save(_ history: OpaquePointer) {
    var length = 0
    guard let text = nelm_history_text(history, &length) else { return }
    defer { free(text) }
    let bytes = UnsafeRawBufferPointer(start: text, count: length)
    do {
      // The history is a convenience, not progress: no flush to disk for every line.
      try DurableFile.write(Array(bytes), to: URL(fileURLWithPath: path), sync: false)
    } catch {
      HistoryFile.warnOnce("the history was not saved: \(error.message)")
    }
  }

  /// Hands `source` a path for the learner's `~/.editrc` (or `$EDITRC`), when it is a
  /// regular file. A link to one is followed: dotfile managers link them, and nelm only reads
  /// it.
  static func withEditrc(_ source: (String) -> Void) {
    let environment = ProcessInfo.processInfo.environment
    let path =
      environment["EDITRC"].flatMap { $0.isEmpty ? nil : $0 }
      ?? environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 + "/.editrc" : nil }
    guard let path else { return }
    withRegularFile(path, what: "key bindings file", followingLinks: true, source)
  }

  /// Opens `path` without blocking, checks it is a regular file of at most `largest` bytes,
  /// and calls `body` with `/dev/fd/N` for it; warns about anything else, says nothing when
  /// there is no file.
  private static func withRegularFile(
    _ path: String, what: String, followingLinks: Bool, _ body: (String) -> Void
  ) {
    let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW)
    let fd = open(path, flags)
    guard fd >= 0 else {
      if errno != ENOENT {
        let reason = errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno))
        warn("not reading the \(what) \(path): \(reason)")
      }
      return
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      let kind = info.st_mode & S_IFMT == S_IFIFO ? "a FIFO" : "not a regular file"
      warn("not reading the \(what) \(path): it is \(kind)")
      return
    }
    guard Int(info.st_size) <= largest else {
      warn("not reading the \(what) \(path): it is larger than \(largest) bytes")
      return
    }
    body("/dev/fd/\(fd)")
  }

  private static let warned = Mutex(false)

  private static func warnOnce(_ message: String) {
    let first = warned.withLock { done in
      defer { done = true }
      return !done
    }
    if first { warn(message) }
  }
}
