import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one way this module writes files: all of the new bytes or none of them, even across a
/// crash or a power cut.
public enum DurableFile {
  /// Replaces the file at `url` with `bytes`, durably and atomically.
  ///
  /// The bytes go to `.<name>.tmp-<pid>` in the same directory (so the rename cannot cross
  /// file systems), which is flushed with `fsync`, renamed over the target with `rename`, and
  /// then the directory is flushed so the rename itself survives a crash. The file gets mode
  /// 0600: progress is personal. On failure the temporary file is removed, the previous file
  /// is left as it was, and `.writeFailed` carries the system's reason.
  public static func write(_ bytes: some ContiguousBytes, to url: URL) throws(ProgressError) {
    let target = url.path
    let directory = url.deletingLastPathComponent().path
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path

    if let failure = writeTemporary(bytes, at: temporary) {
      throw .writeFailed(path: target, reason: failure)
    }
    if POSIX.retryingEINTR({ rename(temporary, target) }) != 0 {
      let reason = POSIX.text()
      unlink(temporary)
      throw .writeFailed(path: target, reason: reason)
    }
    if let failure = syncDirectory(directory) {
      // The new file is in place but its name may not survive a crash; saying so beats
      // claiming success.
      throw .writeFailed(path: target, reason: "flushing the directory failed: \(failure)")
    }
  }

  /// Creates, fills and flushes the temporary file; returns the reason on failure, having
  /// removed whatever it created.
  private static func writeTemporary(_ bytes: some ContiguousBytes, at path: String) -> String? {
    let fd = POSIX.openFile(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o600)
    guard fd >= 0 else { return POSIX.text() }
    var failure: Int32?
    // A leftover temporary file from an earlier crash with the same pid keeps its old mode.
    if fchmod(fd, 0o600) != 0 { failure = errno }
    if failure == nil { failure = bytes.withUnsafeBytes { POSIX.writeAll(fd, $0) } }
    if failure == nil, POSIX.retryingEINTR({ fsync(fd) }) != 0 { failure = errno }
    // close() is not retried on EINTR: on Linux the descriptor is gone either way.
    if close(fd) != 0, failure == nil { failure = errno }
    guard let failure else { return nil }
    unlink(path)
    return POSIX.text(failure)
  }

  /// Flushes a directory's entries; nil on success or where the file system cannot do it.
  /// Flushes the directory that holds `url`, so a newly created file's name survives a crash.
  static func syncDirectory(of url: URL) {
    _ = syncDirectory(url.deletingLastPathComponent().path)
  }

  private static func syncDirectory(_ path: String) -> String? {
    let fd = POSIX.openFile(path, O_RDONLY | O_DIRECTORY)
    guard fd >= 0 else { return POSIX.text() }
    defer { close(fd) }
    if POSIX.retryingEINTR({ fsync(fd) }) != 0 && errno != EINVAL && errno != ENOTSUP {
      return POSIX.text()
    }
    return nil
  }
}
