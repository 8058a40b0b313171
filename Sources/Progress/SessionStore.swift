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

  /// The largest session file nelm reads: one holds a summary per item of the course, a few
  /// hundred kilobytes for a whole course (a version 1 file also held every answer).
  public static let largestSessionFile = 64 << 20

  /// A store over `directory`; nothing is touched until a session is opened.
  public init(directory: URL) {
    self.directory = directory
  }

  /// Which of a learner's files a fresh start moves aside.
  public enum BrokenFile: Sendable {
    case sessionFile, answerLog
  }

  /// Creates the directory (0700) if needed, takes the lock, loads the file or starts a new
  /// session, and repairs what a crash left in the log. A file that cannot be used throws
  /// (`.corrupt`, `.corruptLog`, `.notAFile`, `.readOnly`, `.newerFormat` …) and nothing is
  /// changed; the lock is released.
  ///
  /// `prefetched`, the same learner's file read ahead of the lock, saves decoding it again
  /// when the file is unchanged.
  public func open(_ learner: LearnerName, now: Date, prefetched: SessionPrefetch? = nil)
    throws(ProgressError) -> OpenSession
  {
    try createDirectory()
    let lock = try SessionLock(learner, in: directory)
    let session: Session
    let warnings: [String]
    let checkpointBytes: Int
    let prefetched = prefetched?.learner == learner ? prefetched : nil
    do throws(ProgressError) {
      (session, warnings, checkpointBytes) = try lock.exclusively { () throws(ProgressError) in
        try load(learner, now: now, prefetched: prefetched)
      }
    } catch {
      lock.discard()
      throw error
    }
    lock.recordHolder()
    return OpenSession(
      session: session, checkpointBytes: checkpointBytes, fileURL: fileURL(for: learner),
      lock: lock, warnings: warnings)
  }

  /// Reads and checks both files, then repairs and migrates: the order that leaves a file
  /// that cannot be used unchanged. Returns the session with every line applied, and how much
  /// of the log the session file on disk counts.
  private func load(_ learner: LearnerName, now: Date, prefetched: SessionPrefetch?)
    throws(ProgressError) -> (Session, [String], Int)
  {
    let url = fileURL(for: learner)
    let log = AnswerLog.url(forSessionFile: url)
    // A link, FIFO or read-only file in either place is refused before either is read.
    try StateFile.check(url.path, writable: true)
    try StateFile.check(log.path, writable: true)
    guard let bytes = try readSessionFile(url, writable: true) else {
      let fresh = Session(learner: learner.value, now: now).roundedToMilliseconds
      let repair = try AnswerLogRepair(log: log, from: 0)
      try repair.apply(now: now)
      return (repair.recount(fresh), [], 0)
    }
    let decoded: SessionCoding.Decoded
    if let ahead = prefetched?.decoded(of: bytes) {
      decoded = ahead
    } else {
      decoded = try SessionCoding.decodeMigrating(Data(bytes), path: url.path, learner: learner)
    }
    if let answers = decoded.legacyAnswers {
      let repair = try AnswerLogRepair(log: log, from: 0)
      try repair.apply(now: now)
      let migrated = try SessionMigration.migrate(
        decoded.session, answers: answers, original: bytes, file: url, log: log,
        logged: repair.answers)
      return (migrated, decoded.warnings, migrated.logBytes)
    }
    let repair = try AnswerLogRepair(log: log, from: decoded.session.logBytes)
    try repair.apply(now: now)
    if decoded.session.schemaVersion < Session.currentSchemaVersion {
      let migrated = try SessionMigration.migrateVersion2(
        decoded.session, original: bytes, file: url, log: log, repair: repair)
      return (migrated, decoded.warnings, migrated.logBytes)
    }
    return (repair.recount(decoded.session), decoded.warnings, decoded.session.logBytes)
  }

  /// The session file's bytes (nil when there is none), never more than
  /// `largestSessionFile`, through `StateFile` (no link, FIFO or device).
  func readSessionFile(_ url: URL, writable: Bool) throws(ProgressError) -> [UInt8]? {
    guard let fd = try StateFile.open(url.path, O_RDONLY, writable: writable) else { return nil }
    defer { close(fd) }
    var info = stat()
    let tooLarge = fstat(fd, &info) == 0 && Int(info.st_size) > Self.largestSessionFile
    guard !tooLarge,
      let bytes = try StateFile.read(fd, limit: Self.largestSessionFile, path: url.path)
    else {
      throw .corrupt(
        path: url.path,
        detail: "it is larger than \(Self.largestSessionFile) bytes, far more than a session "
          + "file holds")
    }
    return bytes
  }

  /// `learner`'s session as the file holds it, without the lock (for exports): the file is
  /// replaced atomically, so it is whole; nil when there is none.
  public func readSession(of learner: LearnerName) throws(ProgressError) -> Session? {
    let url = fileURL(for: learner)
    guard let bytes = try readSessionFile(url, writable: false) else { return nil }
    return try SessionCoding.decode(Data(bytes), path: url.path, learner: learner)
  }

  /// The last `limit` answers `learner` has given, oldest first, read from the log's end.
  public func recentAnswers(of learner: LearnerName, limit: Int) throws(ProgressError)
    -> [Answer]
  {
    try AnswerLog.lastEntries(AnswerLog.url(forSessionFile: fileURL(for: learner)), limit: limit)
      .map(\.answer)
  }

  /// Every answer `learner` has given, oldest first, from the answer log.
  public func answers(of learner: LearnerName) throws(ProgressError) -> [Answer] {
    try AnswerLog.read(AnswerLog.url(forSessionFile: fileURL(for: learner)))
  }

  /// Moves a file that cannot be used aside, to `<file>.corrupt-<yyyyMMdd-HHmmss>` (never
  /// deleting or replacing anything), and returns its new URL; used only after the learner
  /// confirms starting afresh.
  ///
  /// Only the broken file moves. For the session file, the next open rebuilds what it can
  /// from the log; for the log, the session file (positions, review states) stays and counts
  /// a new, empty log. A file written by a newer nelm is never moved. The time is UTC; if
  /// that name is taken, `-2`, `-3`, … is added. The learner's lock is held meanwhile, so no
  /// running nelm sees the file vanish.
  public func setAside(_ learner: LearnerName, _ broken: BrokenFile, now: Date)
    throws(ProgressError) -> URL
  {
    let lock = try SessionLock(learner, in: directory)
    let moved: URL
    do throws(ProgressError) {
      moved = try lock.exclusively { () throws(ProgressError) -> URL in
        try moveAside(learner, broken, now: now)
      }
    } catch {
      // A refused move leaves the folder as it was, lock file included.
      lock.discard()
      throw error
    }
    lock.release()
    return moved
  }

  /// `setAside`'s move, under the learner's lock.
  private func moveAside(_ learner: LearnerName, _ broken: BrokenFile, now: Date)
    throws(ProgressError) -> URL
  {
    let file = fileURL(for: learner)
    let source = broken == .sessionFile ? file : AnswerLog.url(forSessionFile: file)
    try StateFile.check(source.path, writable: false)
    if broken == .sessionFile, let bytes = try? readSessionFile(file, writable: false),
      let version = Self.version(in: bytes), version > Session.currentSchemaVersion
    {
      throw .newerFormat(path: file.path, version: version)
    }
    let stamp = Self.stampStyle.format(now)
    let base = source.path + ".corrupt-\(stamp)"
    let moved = try POSIX.moveWithoutReplacing(
      source.path, to: DurableFile.names(base, then: { "-\($0 + 1)" }))
    POSIX.syncDirectory(directory.path)
    if broken == .answerLog, let bytes = try readSessionFile(file, writable: true) {
      // The session file counted the old log; it counts the new, empty one now.
      var session = try SessionCoding.decode(Data(bytes), path: file.path, learner: learner)
      if session.schemaVersion < Session.currentSchemaVersion {
        try SessionMigration.keepCopy(
          of: bytes, beside: file, suffix: ".v\(session.schemaVersion)")
        session.schemaVersion = Session.currentSchemaVersion
      }
      session.answerCount = 0
      session.logBytes = 0
      try DurableFile.write(try SessionCoding.encode(session, path: file.path), to: file)
    }
    return URL(fileURLWithPath: moved)
  }

  private static func version(in bytes: [UInt8]) -> Int? {
    struct Header: Decodable { var schemaVersion: Int? }
    return (try? JSONDecoder().decode(Header.self, from: Data(bytes)))?.schemaVersion
  }

  /// The session file of `learner`, whether or not it exists.
  public func fileURL(for learner: LearnerName) -> URL {
    directory.appendingPathComponent("\(learner.fileStem).json")
  }

  /// Learners with a session file in the directory, sorted.
  ///
  /// Files whose names are not valid learner names are ignored; a missing or unreadable
  /// directory has no learners.
  public func learners() -> [LearnerName] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.compactMap { name -> LearnerName? in
      guard name.hasSuffix(".json") else { return nil }
      let stem = String(name.dropLast(".json".count))
      if let own = try? LearnerName(stem), own.fileStem == stem { return own }
      // A derived file name (`Sam-Resident-1a2b3c4d`): the name is the one the file holds.
      return displayName(in: directory.appendingPathComponent(name), stem: stem)
    }.sorted()
  }

  /// The learner named in the session file at `url`, when that name's files are `stem`.
  private func displayName(in url: URL, stem: String) -> LearnerName? {
    guard let data = try? Data(contentsOf: url), data.count < 1 << 20,
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let raw = object["learner"] as? String, let name = try? LearnerName(raw),
      name.fileStem == stem
    else { return nil }
    return name
  }

  private static let stampStyle = Date.VerbatimFormatStyle(
    format: """
      \(year: .padded(4))\(month: .twoDigits)\(day: .twoDigits)-\
      \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased))\
      \(minute: .twoDigits)\(second: .twoDigits)
      """,
    timeZone: .gmt, calendar: Calendar(identifier: .gregorian))

  /// Creates the sessions folder and its missing parents, 0700 whatever the umask.
  private func createDirectory() throws(ProgressError) {
    var info = stat()
    if stat(directory.path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFDIR else { throw .notADirectory(path: directory.path) }
      return
    }
    if let problem = POSIX.makeDirectories(directory.path) {
      throw .cannotCreateFolder(path: directory.path, reason: problem)
    }
  }
}
