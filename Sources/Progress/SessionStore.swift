import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The directory of session files: `<directory>/<learner>.json`, one per learner.
public struct SessionStore: Sendable {
  /// Where the session files live.
  public let directory: URL

  /// A store over `directory`; nothing is touched until a session is opened.
  public init(directory: URL) {
    self.directory = directory
  }

  /// Creates the directory (0700) if needed, takes the lock, loads the file or starts a new
  /// session. A corrupt file throws .corrupt and the lock is released; the file is untouched.
  public func open(_ learner: LearnerName, now: Date) throws(ProgressError) -> OpenSession {
    try createDirectory()
    let lock = try SessionLock(learner, in: directory)
    let url = fileURL(for: learner)
    // On any throw below `lock` goes out of scope and its deinit releases the flock.
    let log = AnswerLog.url(forSessionFile: url)
    var session: Session
    if let bytes = try POSIX.readFile(url.path) {
      let decoded = try SessionCoding.decodeMigrating(Data(bytes), path: url.path, learner: learner)
      session = decoded.session
      if let answers = decoded.legacyAnswers {
        session = try migrate(session, answers: answers, original: bytes, file: url, log: log)
      }
    } else {
      session = Session(learner: learner.value, now: now).roundedToMilliseconds
    }
    try AnswerLogRepair.cutTornTail(of: log, now: now)
    try AnswerLogRepair.recount(&session, log: log)
    return OpenSession(session: session, fileURL: url, lock: lock)
  }

  /// Moves a version 1 file's answers to the log and writes today's format, keeping a copy
  /// of the old file (`<learner>.json.v1`) until nothing of it is needed.
  private func migrate(
    _ session: Session, answers: [Answer], original: [UInt8], file: URL, log: URL
  ) throws(ProgressError) -> Session {
    var migrated = session
    let backup = file.deletingLastPathComponent()
      .appendingPathComponent(file.lastPathComponent + ".v1")
    try DurableFile.write(Data(original), to: backup)
    // The whole log is written at once, so an interrupted migration simply runs again.
    try DurableFile.write(try AnswerLog.lines(answers), to: log)
    migrated.logBytes = AnswerLog.size(of: log)
    try DurableFile.write(try SessionCoding.encode(migrated.roundedToMilliseconds), to: file)
    return migrated.roundedToMilliseconds
  }

  /// Every answer `learner` has given, oldest first, from the answer log.
  public func answers(of learner: LearnerName) throws(ProgressError) -> [Answer] {
    try AnswerLog.read(AnswerLog.url(forSessionFile: fileURL(for: learner)))
  }

  /// Moves a corrupt file aside to `<learner>.json.corrupt-<yyyyMMdd-HHmmss>` (never deletes
  /// it) and returns its new URL; used only after the learner confirms starting fresh.
  ///
  /// The time is UTC. If that name is taken (twice in one second), `-2`, `-3`, … is added.
  /// The learner's lock is held meanwhile, so no running nelm sees the file vanish.
  public func setAside(_ learner: LearnerName, now: Date) throws(ProgressError) -> URL {
    let lock = try SessionLock(learner, in: directory)
    defer { lock.release() }
    let source = fileURL(for: learner)
    let stamp = Self.stampStyle.format(now)
    var target = directory.appendingPathComponent("\(learner.value).json.corrupt-\(stamp)")
    var attempt = 1
    while FileManager.default.fileExists(atPath: target.path) {
      attempt += 1
      target = directory.appendingPathComponent(
        "\(learner.value).json.corrupt-\(stamp)-\(attempt)")
    }
    if POSIX.retryingEINTR({ rename(source.path, target.path) }) != 0 {
      throw .writeFailed(path: source.path, reason: "cannot move it aside: \(POSIX.text())")
    }
    let fd = POSIX.openFile(directory.path, O_RDONLY | O_DIRECTORY)
    if fd >= 0 {
      _ = POSIX.retryingEINTR { fsync(fd) }
      close(fd)
    }
    return target
  }

  /// The session file of `learner`, whether or not it exists.
  public func fileURL(for learner: LearnerName) -> URL {
    directory.appendingPathComponent("\(learner.value).json")
  }

  /// Learners with a session file in the directory, sorted.
  ///
  /// Files whose names are not valid learner names are ignored; a missing or unreadable
  /// directory has no learners.
  public func learners() -> [LearnerName] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.compactMap { name -> LearnerName? in
      guard name.hasSuffix(".json") else { return nil }
      return try? LearnerName(String(name.dropLast(".json".count)))
    }.sorted()
  }

  private static let stampStyle = Date.VerbatimFormatStyle(
    format: """
      \(year: .padded(4))\(month: .twoDigits)\(day: .twoDigits)-\
      \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased))\
      \(minute: .twoDigits)\(second: .twoDigits)
      """,
    timeZone: .gmt, calendar: Calendar(identifier: .gregorian))

  private func createDirectory() throws(ProgressError) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw .notADirectory(path: directory.path) }
      return
    }
    do {
      try FileManager.default.createDirectory(
        at: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw .writeFailed(path: directory.path, reason: Self.reason(error))
    }
  }

  /// The underlying POSIX text when Foundation has one, rather than its long description.
  static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return POSIX.text(Int32(underlying.code))
    }
    return nsError.localizedDescription
  }
}
