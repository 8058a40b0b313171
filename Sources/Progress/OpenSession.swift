import Foundation

/// A learner's session, loaded and locked: the only way to change its file.
///
/// Holds the lock until `close()` or deinit. Use it from one thread.
public final class OpenSession {
  /// The session as last loaded or saved; equal to what a new `open` would read.
  public private(set) var session: Session
  /// The session file.
  public let fileURL: URL
  /// What the learner should know about the files as they were opened (counts held to
  /// `Session.countCeiling`), one sentence each.
  public let warnings: [String]
  private let lock: SessionLock
  private var isClosed = false
  /// The log's size after the last append: what the session file records as `logBytes`.
  private var logBytes: Int

  init(session: Session, fileURL: URL, lock: SessionLock, warnings: [String] = []) {
    self.session = session
    self.fileURL = fileURL
    self.lock = lock
    self.warnings = warnings
    self.logBytes = session.logBytes
  }

  /// The answer log beside the session file.
  public var logURL: URL { AnswerLog.url(forSessionFile: fileURL) }

  /// Appends answers to the log and flushes them: once this returns they survive a crash.
  /// Call it before `save`, so the session file never counts an answer the log lacks.
  ///
  /// Refuses with `.lockLost` when the lock file was removed or replaced meanwhile (another
  /// nelm may have the learner open), and with `.corruptLog` when the log changed size
  /// behind this session's back.
  public func append(_ answers: [Answer]) throws(ProgressError) {
    guard !answers.isEmpty else { return }
    guard !isClosed else {
      throw .writeFailed(path: logURL.path, reason: "the session was already closed")
    }
    let expected = logBytes
    logBytes = try lock.exclusively { () throws(ProgressError) -> Int in
      try AnswerLog.append(answers, to: logURL, expectedSize: expected)
    }
  }

  /// Writes the session file durably; updates `session` only when the write succeeded.
  public func save(_ session: Session) throws(ProgressError) {
    guard !isClosed else {
      throw .writeFailed(path: fileURL.path, reason: "the session was already closed")
    }
    guard session.learner == self.session.learner else {
      throw .writeFailed(
        path: fileURL.path,
        reason: "the session belongs to '\(ProgressError.printable(session.learner))'")
    }
    var rounded = session.roundedToMilliseconds
    rounded.logBytes = logBytes
    let bytes = try SessionCoding.encode(rounded, path: fileURL.path)
    try lock.exclusively { () throws(ProgressError) in
      try DurableFile.write(bytes, to: fileURL)
    }
    self.session = rounded
  }

  /// The last `limit` answers of the log, oldest first.
  public func recentAnswers(limit: Int) throws(ProgressError) -> [Answer] {
    Array(try AnswerLog.read(logURL).suffix(limit))
  }

  /// Releases the lock; later saves fail. Calling it again does nothing.
  public func close() {
    isClosed = true
    lock.release()
  }

  deinit { lock.release() }
}
