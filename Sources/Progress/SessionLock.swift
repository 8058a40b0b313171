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
/// removed by nelm. The holder writes its pid into it only so the second process can name it.
///
/// An `flock` belongs to the file, not to its name, so a lock file deleted (or replaced)
/// under a running nelm would let a second one take a new file of the same name. Two things
/// keep that from costing answers: the lock is only taken when the name still leads to the
/// locked file afterwards (`fstat` against `lstat`), and every read or write of the session
/// (`exclusively`) first checks that it still does, refusing with `.lockLost` otherwise.
/// Those checks and the reads and writes after them run under a short `flock` on the
/// sessions folder itself, which cannot be deleted while it holds files, so a second nelm
/// cannot open the learner between one's check and its write.
final class SessionLock {
  /// The lock file.
  let path: String
  private let learner: String
  private var fd: Int32 = -1
  /// The sessions folder, kept open for the short folder-wide lock.
  private var directoryFD: Int32
  /// Device and inode of the locked file.
  private var identity: (dev_t, ino_t) = (0, 0)
  /// Whether this process created the lock file (so `discard` may remove it again).
  private var created = false

  /// Takes the lock without waiting; throws `.locked` if another process holds it.
  init(_ learner: LearnerName, in directory: URL) throws(ProgressError) {
    path = directory.appendingPathComponent("\(learner.fileStem).lock").path
    self.learner = learner.value
    directoryFD = POSIX.openFile(directory.path, O_RDONLY | O_DIRECTORY)
    guard directoryFD >= 0 else {
      throw .unreadable(path: directory.path, reason: POSIX.text())
    }
    do {
      try withFolderLock { () throws(ProgressError) in try acquire() }
    } catch {
      release()
      throw error
    }
  }

  /// Runs `body` while no other nelm can take or lose this learner's lock, after checking that
  /// the lock file is still the one this process locked.
  func exclusively<T>(_ body: () throws(ProgressError) -> T) throws(ProgressError) -> T {
    guard fd >= 0 else { throw .lockLost(path: path, learner: learner) }
    return try withFolderLock { () throws(ProgressError) -> T in
      guard holdsTheName() else { throw .lockLost(path: path, learner: learner) }
      return try body()
    }
  }

  /// Writes this process's pid into the lock file, for a second nelm to name: only once the
  /// session is open, so a refused open leaves an existing lock file as it was. Failing to
  /// write it does not weaken the lock.
  func recordHolder() {
    guard fd >= 0 else { return }
    let record = Array("\(getpid())\n".utf8)
    if ftruncate(fd, 0) == 0 {
      _ = record.withUnsafeBytes { POSIX.writeAll(fd, $0) }
    }
  }

  /// Gives the lock up after a refused open: a lock file this process created is removed
  /// again, so refusing a session changes nothing in the folder. Safe under the folder lock:
  /// a second nelm that opened the same file finds it unlinked and takes a new one.
  func discard() {
    if created && fd >= 0 {
      _ = try? withFolderLock { () throws(ProgressError) in
        if holdsTheName() { unlink(path) }
      }
    }
    release()
  }

  /// Gives the lock up; calling it again does nothing.
  func release() {
    // Closing the last descriptor of the open file description releases the flock.
    if fd >= 0 { close(fd) }
    fd = -1
    if directoryFD >= 0 { close(directoryFD) }
    directoryFD = -1
  }

  deinit { release() }

  /// Opens (or creates) the lock file and locks it, retrying when its name was taken by
  /// another file between the open and the lock.
  private func acquire() throws(ProgressError) {
    for _ in 0..<5 {
      let existed = try? StateFile.status(path) != nil
      let opened: Int32?
      do throws(ProgressError) {
        opened = try StateFile.open(path, O_RDWR | O_CREAT, writable: true)
      } catch .unreadable(_, let reason) {
        throw .lockUnavailable(path: path, reason: reason)
      }
      guard let opened else { continue }
      created = existed == false
      if POSIX.retryingEINTR({ flock(opened, LOCK_EX | LOCK_NB) }) != 0 {
        let failure = errno
        let holder = Self.readPID(opened)
        close(opened)
        if failure == EWOULDBLOCK { throw .locked(learner: learner, pid: holder) }
        throw .lockUnavailable(path: path, reason: POSIX.text(failure))
      }
      var info = stat()
      fstat(opened, &info)
      fd = opened
      identity = (info.st_dev, info.st_ino)
      guard holdsTheName() else {
        close(opened)
        fd = -1
        continue
      }
      return
    }
    throw .lockUnavailable(path: path, reason: "the file kept being replaced while locking it")
  }

  /// Whether the lock file's name still leads to the file this process locked.
  private func holdsTheName() -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
      && info.st_dev == identity.0 && info.st_ino == identity.1
  }

  /// Runs `body` holding an exclusive `flock` on the sessions folder. A file system that
  /// cannot lock a folder runs it unguarded, as nelm did before.
  private func withFolderLock<T>(_ body: () throws(ProgressError) -> T) throws(ProgressError)
    -> T
  {
    let locked = POSIX.retryingEINTR { flock(directoryFD, LOCK_EX) } == 0
    defer { if locked { _ = flock(directoryFD, LOCK_UN) } }
    return try body()
  }

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
