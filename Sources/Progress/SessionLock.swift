import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Exclusive use of one learner's session by one process: `<dir>/<learner>.lock`.
///
/// The lock is an `flock` on the file, not the file's existence, so the kernel drops it
/// when the holder exits or crashes and a stale lock cannot happen. The lock file is never
/// removed: deleting it while another process waits on it would let two holders in. The
/// holder writes its pid into it only so the second process can name it.
final class SessionLock {
  /// The lock file.
  let path: String
  private var fd: Int32

  /// Takes the lock without waiting; throws `.locked` if another open file holds it.
  init(_ learner: LearnerName, in directory: URL) throws(ProgressError) {
    path = directory.appendingPathComponent("\(learner.value).lock").path
    fd = POSIX.openFile(path, O_RDWR | O_CREAT, 0o600)
    guard fd >= 0 else { throw .unreadable(path: path, reason: POSIX.text()) }
    if POSIX.retryingEINTR({ flock(fd, LOCK_EX | LOCK_NB) }) != 0 {
      let failure = errno
      let holder = Self.readPID(fd)
      close(fd)
      fd = -1
      if failure == EWOULDBLOCK {
        throw .locked(learner: learner.value, pid: holder)
      }
      throw .unreadable(path: path, reason: POSIX.text(failure))
    }
    // Only a hint for the message: failing to write the pid does not weaken the lock.
    let record = Array("\(getpid())\n".utf8)
    if ftruncate(fd, 0) == 0 {
      _ = record.withUnsafeBytes { POSIX.writeAll(fd, $0) }
    }
  }

  /// Gives the lock up; calling it again does nothing.
  func release() {
    guard fd >= 0 else { return }
    // Closing the last descriptor of the open file description releases the flock.
    close(fd)
    fd = -1
  }

  deinit { release() }

  /// The pid the holder wrote, if it has written one yet.
  private static func readPID(_ fd: Int32) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = buffer.withUnsafeMutableBytes { raw in
      POSIX.retryingEINTR { pread(fd, raw.baseAddress, raw.count, 0) }
    }
    guard count > 0 else { return nil }
    let text = String(decoding: buffer[0..<count], as: UTF8.self)
    return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
