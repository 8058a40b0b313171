import Foundation
import Progress
import Shell

/// Where `nelm export … FILE` writes, and how, by what FILE is:
///
/// - `-`: standard output;
/// - nothing yet: a new regular file, mode 0600 whatever the umask;
/// - a regular file: replaced whole through the durable-write path (`DurableFile`: a
///   temporary file beside it, flushed and renamed), keeping the file's mode; a read-only
///   file is refused;
/// - a character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe): written into
///   as a stream, never replaced;
/// - a symbolic link: what it points to, by these same rules (the link stays a link);
/// - a folder, a block device or a socket: refused.
///
/// Nothing is ever created in the temporary folder, and a refused target is left as it was.
enum ExportTarget {
  /// Why an export could not be written; `message` is the whole sentence, nil when there
  /// is nothing to say (a reader that went away: the command just ends with 141).
  struct Failure: Error {
    var message: String?
    var status: Int32 = 1

    init(message: String?, status: Int32 = 1) {
      self.message = message
      self.status = status
    }

    /// A failed durable write, in its own words.
    init(_ error: ProgressError) {
      if case .writeFailed(let path, let reason) = error {
        message = "cannot write \(path): \(reason)"
      } else {
        message = error.message
      }
      status = 1
    }
  }

  /// Writes `text` to `file` as described above.
  static func write(_ text: String, to file: String) throws(Failure) {
    try stream(to: file) { emit throws(Failure) in try emit(text) }
  }

  /// Writes to `file` as described above what `produce` hands over a piece at a time (through
  /// the function it is given): an export of any size goes out without being held whole.
  static func stream(
    to file: String, _ produce: ((String) throws(Failure) -> Void) throws(Failure) -> Void
  ) throws(Failure) {
    guard file != "-" else {
      var pending = ""
      try produce { piece throws(Failure) in
        pending += piece
        if pending.utf8.count >= 1 << 16 {
          Console.out(pending)
          pending = ""
        }
      }
      Console.out(pending)
      return
    }
    var info = stat()
    guard lstat(file, &info) == 0 else {
      guard errno == ENOENT else { throw Failure(message: "cannot write \(file): \(reason())") }
      try replace(file, mode: 0o600, produce)
      return
    }
    let isLink = info.st_mode & S_IFMT == S_IFLNK
    if isLink {
      guard stat(file, &info) == 0 else {
        throw Failure(
          message: "cannot write \(file): it is a symbolic link to something that does not "
            + "exist; name the file itself")
      }
    }
    // /dev/stdout, /dev/fd/N, /proc/self/fd/N name an open file of this process: written
    // into, whatever it is, never replaced.
    let kind = file.hasPrefix("/dev/") || file.hasPrefix("/proc/") ? S_IFCHR : info.st_mode & S_IFMT
    switch kind {
    case S_IFREG:
      guard info.st_mode & S_IWUSR != 0 else {
        throw Failure(
          message: "\(file) is read-only: nelm does not replace it; make it writable or name "
            + "another file")
      }
      // Through a link, the file it names is replaced and the link stays.
      var target = file
      if isLink, let resolved = realpath(file, nil) {
        target = String(cString: resolved)
        free(resolved)
      }
      try replace(target, mode: info.st_mode & 0o7777, produce)
    case S_IFCHR, S_IFIFO:
      // Opened by its own name, links followed: /dev/stdout names a pipe realpath cannot.
      try stream(into: file, named: file, produce)
    case S_IFDIR:
      throw Failure(message: "\(file) is a folder: name a file to write the export to")
    default:
      throw Failure(
        message: "\(file) is neither a file, a character device nor a FIFO: nelm does not "
          + "write an export there")
    }
  }

  /// Writes a regular file through `DurableFile`, with `mode`.
  private static func replace(
    _ path: String, mode: mode_t,
    _ produce: ((String) throws(Failure) -> Void) throws(Failure) -> Void
  ) throws(Failure) {
    do {
      try DurableFile.write(to: URL(fileURLWithPath: path), mode: mode) { emit in
        try withoutActuallyEscaping(emit) { emit in
          try produce { piece throws(Failure) in
            do {
              try emit(piece)
            } catch let error as ProgressError {
              throw Failure(error)
            } catch {
              throw Failure(message: "cannot write \(path): \(error)")
            }
          }
        }
      }
    } catch let failure as Failure {
      throw failure
    } catch let error as ProgressError {
      throw Failure(error)
    } catch {
      throw Failure(message: "cannot write \(path): \(error)")
    }
  }

  /// Writes into an existing device or FIFO, as `cat > FILE` would.
  private static func stream(
    into path: String, named file: String,
    _ produce: ((String) throws(Failure) -> Void) throws(Failure) -> Void
  ) throws(Failure) {
    let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
    guard fd >= 0 else { throw Failure(message: "cannot write \(file): \(reason())") }
    var failure: Int32?
    func put(_ text: String) {
      guard failure == nil else { return }
      var bytes = Array(text.utf8)
      var offset = 0
      while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { buffer in
          Foundation.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        }
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += written
      }
    }
    var pending = ""
    do {
      try produce { piece throws(Failure) in
        pending += piece
        if pending.utf8.count >= 1 << 16 {
          put(pending)
          pending = ""
        }
        if let failure, failure == EPIPE { throw Failure(message: nil, status: 141) }
      }
    } catch {
      close(fd)
      throw error
    }
    put(pending)
    if close(fd) != 0 && failure == nil && errno != EINTR { failure = errno }
    if failure == EPIPE { throw Failure(message: nil, status: 141) }
    if let failure {
      throw Failure(message: "cannot write \(file): \(reason(failure))")
    }
  }

  private static func reason(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
  }
}
