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
  /// Replaces the regular file at `url` with `bytes`, durably and atomically.
  ///
  /// The bytes go to `.<name>.tmp-<pid>` in the same directory (so the rename cannot cross
  /// file systems), created afresh (`O_EXCL`: a link planted at that name is removed, never
  /// written through), flushed with `fsync`, renamed over the target with `rename`, and then
  /// the directory is flushed so the rename itself survives a crash. The file gets `mode`
  /// (0600 by default: progress is personal) whatever the umask. A target that is a link, a
  /// FIFO, a device or a folder, or a regular file its owner may not write, is refused before
  /// anything is written (`.notAFile`, `.readOnly`). On failure the temporary file is
  /// removed, the previous file is left as it was, and `.writeFailed` carries the system's
  /// reason. `sync: false` skips the two flushes, for files that are only a convenience.
  public static func write(
    _ bytes: some ContiguousBytes, to url: URL, mode: mode_t = 0o600, sync: Bool = true
  ) throws(ProgressError) {
    let target = url.path
    let directory = url.deletingLastPathComponent().path
    try StateFile.check(target, writable: true)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path

    if let failure = writeTemporary(bytes, at: temporary, mode: mode, sync: sync) {
      throw .writeFailed(path: target, reason: failure)
    }
    if POSIX.retryingEINTR({ rename(temporary, target) }) != 0 {
      let reason = POSIX.text()
      unlink(temporary)
      throw .writeFailed(path: target, reason: reason)
    }
    if sync, let failure = POSIX.syncDirectory(directory) {
      // The new file is in place but its name may not survive a crash; saying so beats
      // claiming success.
      throw .writeFailed(path: target, reason: "flushing the directory failed: \(failure)")
    }
  }

  /// Replaces the regular file at `url` as `write(_:to:)` does, with bytes that `produce`
  /// hands over a piece at a time (through the function it is given), so that a large file is
  /// never held whole in memory. Nothing replaces the old file unless `produce` returns and
  /// every byte was written and flushed; its errors are thrown as they are.
  public static func write(
    to url: URL, mode: mode_t = 0o600, sync: Bool = true,
    _ produce: ((String) throws -> Void) throws -> Void
  ) throws {
    let target = url.path
    try StateFile.check(target, writable: true)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
    let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW
    var fd = POSIX.openFile(temporary, flags, 0o600)
    if fd < 0 && errno == EEXIST {
      unlink(temporary)
      fd = POSIX.openFile(temporary, flags, 0o600)
    }
    guard fd >= 0 else { throw ProgressError.writeFailed(path: target, reason: POSIX.text()) }
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 17)
    func flush() throws {
      if let failure = buffer.withUnsafeBytes({ POSIX.writeAll(fd, $0) }) {
        throw ProgressError.writeFailed(path: target, reason: POSIX.text(failure))
      }
      buffer.removeAll(keepingCapacity: true)
    }
    do {
      if fchmod(fd, mode) != 0 {
        throw ProgressError.writeFailed(path: target, reason: POSIX.text())
      }
      try produce { text in
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
      }
      try flush()
      if sync, POSIX.retryingEINTR({ fsync(fd) }) != 0 {
        throw ProgressError.writeFailed(path: target, reason: POSIX.text())
      }
    } catch {
      close(fd)
      unlink(temporary)
      throw error
    }
    if close(fd) != 0 {
      let reason = POSIX.text()
      unlink(temporary)
      throw ProgressError.writeFailed(path: target, reason: reason)
    }
    if POSIX.retryingEINTR({ rename(temporary, target) }) != 0 {
      let reason = POSIX.text()
      unlink(temporary)
      throw ProgressError.writeFailed(path: target, reason: reason)
    }
    if sync, let failure = POSIX.syncDirectory(url.deletingLastPathComponent().path) {
      throw ProgressError.writeFailed(
        path: target, reason: "flushing the directory failed: \(failure)")
    }
  }

  /// Writes `bytes` to a new file, the first of `names` in `directory` that does not exist
  /// yet (`O_EXCL`: nothing is ever replaced), with mode 0600, flushed with its directory;
  /// returns the file's URL.
  public static func create(
    _ bytes: some ContiguousBytes, in directory: URL, firstFreeOf names: some Sequence<String>
  ) throws(ProgressError) -> URL {
    for name in names {
      let url = directory.appendingPathComponent(name)
      let fd = POSIX.openFile(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
      if fd < 0 {
        if errno == EEXIST { continue }
        throw .writeFailed(path: url.path, reason: POSIX.text())
      }
      if let failure = fill(fd, with: bytes, mode: 0o600, sync: true) {
        unlink(url.path)
        throw .writeFailed(path: url.path, reason: failure)
      }
      if let failure = POSIX.syncDirectory(directory.path) {
        throw .writeFailed(path: url.path, reason: "flushing the directory failed: \(failure)")
      }
      return url
    }
    throw .writeFailed(path: directory.path, reason: "every name for the file is taken")
  }

  /// `base`, then `base` followed by each of `suffixes`: the names `create` tries in turn.
  public static func names(_ base: String, then suffix: @escaping (Int) -> String)
    -> some Sequence<String>
  {
    [base] + (1...999).lazy.map { base + suffix($0) }
  }

  /// Creates, fills and flushes the temporary file; returns the reason on failure, having
  /// removed whatever it created.
  private static func writeTemporary(
    _ bytes: some ContiguousBytes, at path: String, mode: mode_t, sync: Bool
  ) -> String? {
    let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW
    var fd = POSIX.openFile(path, flags, 0o600)
    if fd < 0 && errno == EEXIST {
      // Left by a crash of a process with the same pid, or planted: only the name goes.
      unlink(path)
      fd = POSIX.openFile(path, flags, 0o600)
    }
    guard fd >= 0 else { return POSIX.text() }
    guard let failure = fill(fd, with: bytes, mode: mode, sync: sync) else { return nil }
    unlink(path)
    return failure
  }

  /// Sets the mode, writes and flushes, and closes `fd`; the reason on failure.
  private static func fill(_ fd: Int32, with bytes: some ContiguousBytes, mode: mode_t, sync: Bool)
    -> String?
  {
    var failure: Int32?
    if fchmod(fd, mode) != 0 { failure = errno }
    if failure == nil { failure = bytes.withUnsafeBytes { POSIX.writeAll(fd, $0) } }
    if failure == nil, sync, POSIX.retryingEINTR({ fsync(fd) }) != 0 { failure = errno }
    // close() is not retried on EINTR: on Linux the descriptor is gone either way.
    if close(fd) != 0, failure == nil { failure = errno }
    return failure.map { POSIX.text($0) }
  }

  /// Flushes the directory that holds `url`, so a newly created file's name survives a crash.
  static func syncDirectory(of url: URL) {
    POSIX.syncDirectory(url.deletingLastPathComponent().path)
  }
}
