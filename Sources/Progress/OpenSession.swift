import Foundation

/// A learner's session, loaded and locked: the only way to change its file.
///
/// Holds the lock until `close()` or deinit. Use it from one thread.
public final class OpenSession {
  /// The session as last loaded or saved; equal to what a new `open` would read.
  public private(set) var session: Session
  /// The session file.
  public let fileURL: URL
  private let lock: SessionLock
  private var isClosed = false

  init(session: Session, fileURL: URL, lock: SessionLock) {
    self.session = session
    self.fileURL = fileURL
    self.lock = lock
  }

  /// Writes durably; updates `session` only when the write succeeded.
  ///
  /// Dates are kept to the millisecond, as in the file. Saving another learner's session or
  /// saving after `close()` throws `.writeFailed` and writes nothing.
  public func save(_ session: Session) throws(ProgressError) {
    guard !isClosed else {
      throw .writeFailed(path: fileURL.path, reason: "the session was already closed")
    }
    guard session.learner == self.session.learner else {
      throw .writeFailed(
        path: fileURL.path,
        reason: "the session belongs to '\(ProgressError.printable(session.learner))'")
    }
    let rounded = session.roundedToMilliseconds
    try DurableFile.write(try SessionCoding.encode(rounded), to: fileURL)
    self.session = rounded
  }

  /// Releases the lock; later saves fail. Calling it again does nothing.
  public func close() {
    isClosed = true
    lock.release()
  }

  deinit { lock.release() }
}
