import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One `nelm sync` of a learner at a time: an `flock` on `<learner>.sync.lock` beside the
/// state file. It is not the session's lock, so the learner's shell is never kept waiting.
public final class XAPISyncLock {
  private var fd: Int32

  /// Takes the lock without waiting; `.busy` when another sync holds it.
  public init(stateFile: URL, learner: String) throws(XAPISyncError) {
    let path = stateFile.path + ".lock"
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw .badState(path: path) }
    var result: Int32
    repeat { result = flock(fd, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
    if result != 0 {
      close(fd)
      fd = -1
      throw .busy(learner: learner)
    }
  }

  /// Gives the lock up; calling it again does nothing.
  public func release() {
    guard fd >= 0 else { return }
    close(fd)
    fd = -1
  }

  deinit { release() }
}
