import Foundation

/// A learner's session, loaded and locked: the only way to change its files.
///
/// Each answer is written once, durably: its line in the answer log carries what the answer
/// changed (`record`), so one `fsync` acknowledges it. The session file is a checkpoint of the
/// same state (`checkpoint`), written when something changes that no answer line carries (a
/// page turned, a flag), every so often, and at exit; opening the session applies the lines
/// logged after it.
///
/// Holds the lock until `close()` or deinit. Use it from one thread.
public final class OpenSession {
  /// The session as the files hold it (the checkpoint and the lines logged after it): equal
  /// to what a new `open` would read.
  public private(set) var session: Session
  /// The session file.
  public let fileURL: URL
  /// What the learner should know about the files as they were opened (counts held to
  /// `Session.countCeiling`), one sentence each.
  public let warnings: [String]
  private let lock: SessionLock
  private var isClosed = false
  /// The log's size after the last append.
  private var logBytes: Int
  /// The log's size the session file counts: lines past it are applied at the next open.
  public private(set) var checkpointBytes: Int
  /// Lines logged since the last checkpoint.
  public private(set) var linesSinceCheckpoint = 0
  /// When the last checkpoint was written (or the session opened).
  public private(set) var checkpointTime = Date()

  /// `session` is the session as the files hold it, every line of the log applied;
  /// `checkpointBytes` is how much of the log its session file counts (0 with no file).
  init(
    session: Session, checkpointBytes: Int, fileURL: URL, lock: SessionLock,
    warnings: [String] = []
  ) {
    self.session = session
    self.fileURL = fileURL
    self.lock = lock
    self.warnings = warnings
    self.logBytes = session.logBytes
    self.checkpointBytes = checkpointBytes
  }

  /// The answer log beside the session file.
  public var logURL: URL { AnswerLog.url(forSessionFile: fileURL) }

  /// Logs `answers` and flushes them with one `fsync`: once this returns they survive a crash.
  /// The last line carries whatever else `target` (the session as the tutor has it after the
  /// answers) changed in lessons, cases and the quiz, so the files hold `target`'s places.
  ///
  /// Refuses with `.lockLost` when the lock file was removed or replaced meanwhile (another
  /// nelm may have the learner open), and with `.corruptLog` when the log changed size
  /// behind this session's back; the files are then as they were.
  public func record(_ answers: [Answer], reaching target: Session) throws(ProgressError) {
    guard !answers.isEmpty else { return }
    guard !isClosed else {
      throw .writeFailed(path: logURL.path, reason: "the session was already closed")
    }
    // The session the files will hold, built as an open applies the lines, in one copy of
    // the session (each copy costs every item's summary).
    var applied = session
    var lines: [LoggedAnswer] = []
    for (index, answer) in answers.enumerated() {
      let rounded = answer.roundedToMilliseconds
      applied.record(rounded)
      var effects = AnswerEffects()
      if index == answers.count - 1 {
        effects = applied.effects(of: rounded, reaching: target)
      } else {
        effects.review =
          rounded.item.isReviewable ? applied.items[rounded.item.rawValue]?.review : nil
      }
      applied.applyEffects(effects, of: rounded)
      lines.append(LoggedAnswer(rounded, effects: effects))
    }
    let expected = logBytes
    logBytes = try lock.exclusively { () throws(ProgressError) -> Int in
      try AnswerLog.append(lines, to: logURL, expectedSize: expected)
    }
    applied.logBytes = logBytes
    session = applied
    linesSinceCheckpoint += lines.count
  }

  /// Appends answers without effects (tools and tests that write the log alone); the session
  /// file is left behind and counts them at the next open.
  public func append(_ answers: [Answer]) throws(ProgressError) {
    guard !answers.isEmpty else { return }
    guard !isClosed else {
      throw .writeFailed(path: logURL.path, reason: "the session was already closed")
    }
    let expected = logBytes
    logBytes = try lock.exclusively { () throws(ProgressError) -> Int in
      try AnswerLog.append(answers, to: logURL, expectedSize: expected)
    }
    var applied = session
    for answer in answers { applied.apply(LoggedAnswer(answer)) }
    applied.logBytes = logBytes
    session = applied
    linesSinceCheckpoint += answers.count
  }

  /// Whether the session file lags behind `target`: something changed that it does not hold
  /// yet, or lines were logged since it was written.
  public func needsCheckpoint(_ target: Session) -> Bool {
    checkpointBytes != logBytes || !session.holdsTheSame(as: target)
  }

  /// Writes `session` as the checkpoint (the session file, replaced durably) and counts the
  /// whole log in it; `session` here changes only when the write succeeded.
  public func checkpoint(_ session: Session) throws(ProgressError) {
    guard !isClosed else {
      throw .writeFailed(path: fileURL.path, reason: "the session was already closed")
    }
    guard session.learner == self.session.learner else {
      throw .writeFailed(
        path: fileURL.path,
        reason: "the session belongs to '\(ProgressError.printable(session.learner))'")
    }
    var form = session.checkpointForm(keeping: self.session)
    form.schemaVersion = Session.currentSchemaVersion
    form.logBytes = logBytes
    let bytes = try SessionCoding.encode(form, path: fileURL.path)
    try lock.exclusively { () throws(ProgressError) in
      try DurableFile.write(bytes, to: fileURL)
    }
    self.session = form
    checkpointBytes = logBytes
    linesSinceCheckpoint = 0
    checkpointTime = Date()
  }

  /// The same as `checkpoint`.
  public func save(_ session: Session) throws(ProgressError) {
    try checkpoint(session)
  }

  /// The last `limit` answers of the log, oldest first, read from its end.
  public func recentAnswers(limit: Int) throws(ProgressError) -> [Answer] {
    try AnswerLog.lastEntries(logURL, limit: limit).map(\.answer)
  }

  /// Releases the lock; later saves fail. Calling it again does nothing.
  public func close() {
    isClosed = true
    lock.release()
  }

  deinit { lock.release() }
}
