import Foundation
import Synchronization
import Tutor

/// Standard output and standard error as nelm writes them: whole strings with write(2),
/// where a failure is remembered and reported, never a crash.
///
/// (`FileHandle.write(_:)` traps on any error, which made a closed or full standard output
/// crash nelm; `print` drops errors silently.) A command ends, once its work is saved, with
/// `exitStatus`: 141 after EPIPE (what a shell expects from a pipe closed by its reader, as
/// if SIGPIPE had ended it), 1 after any other failure.
public enum Console {
  private static let outputErrno = Atomic<Int32>(0)

  /// Writes `text` to standard output as it is (rendered or JSON text, already safe);
  /// false when it could not be written.
  @discardableResult
  public static func out(_ text: String) -> Bool {
    out(Array(text.utf8))
  }

  /// Writes `bytes` (UTF-8, already safe) to standard output as they are, as `out(_:)` does
  /// text: for a command that writes a long output a piece at a time from one buffer.
  @discardableResult
  public static func out(_ bytes: [UInt8]) -> Bool {
    guard outputErrno.load(ordering: .relaxed) == 0 else { return false }
    if let failure = write(bytes, to: STDOUT_FILENO) {
      outputErrno.store(failure, ordering: .relaxed)
      if failure != EPIPE {
        err("nelm: cannot write to standard output: \(String(cString: strerror(failure)))\n")
      }
      return false
    }
    return true
  }

  /// Writes `line` and a newline to standard output, made printable first: for text that
  /// quotes the course (titles, sources) or the learner, which may carry escape sequences.
  @discardableResult
  public static func line(_ line: String) -> Bool {
    out(TextRenderer.printable(line) + "\n")
  }

  /// Writes `text` to standard error; a failure there has nowhere to be reported.
  @discardableResult
  public static func err(_ text: String) -> Bool {
    write(text, to: STDERR_FILENO) == nil
  }

  /// The exit status after a failed write to standard output (141 for EPIPE, else 1); nil
  /// when every write succeeded.
  public static var exitStatus: Int32? {
    let failure = outputErrno.load(ordering: .relaxed)
    guard failure != 0 else { return nil }
    return failure == EPIPE ? 141 : 1
  }

  /// Writes all of `text`, retrying EINTR and short writes; the errno of a failure.
  private static func write(_ text: String, to fd: Int32) -> Int32? {
    write(Array(text.utf8), to: fd)
  }

  /// Writes all of `bytes`, retrying EINTR and short writes; the errno of a failure.
  private static func write(_ bytes: [UInt8], to fd: Int32) -> Int32? {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        Foundation.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += written
    }
    return nil
  }

  /// Makes the process safe to write from, before anything else runs:
  ///
  /// - a closed standard descriptor (`>&-`) is taken by `/dev/null` opened the other way
  ///   round, so writing to it fails (EBADF) instead of landing in the first file nelm
  ///   opens, which would get descriptor 1;
  /// - SIGPIPE is ignored, so a reader that went away is an EPIPE nelm reports, after saving;
  /// - SIGXFSZ is ignored, so a file size limit (`ulimit -f`) is an EFBIG write error with a
  ///   message instead of a silent kill.
  public static func prepare() {
    for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) < 0 {
      let opened = open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY)
      if opened >= 0 && opened != fd {
        dup2(opened, fd)
        close(opened)
      }
    }
    signal(SIGPIPE, SIG_IGN)
    signal(SIGXFSZ, SIG_IGN)
  }
}
