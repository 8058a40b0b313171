import Foundation

/// Reads session files of earlier format versions and turns them into today's.
///
/// Version 1 (nelm 0.1, before the answer log) kept every answer inside the session file.
/// Migrating moves them to the log and rebuilds the item summaries from it.
enum SessionMigration {
  /// A version 1 session file.
  struct Version1: Decodable {
    var learner: String
    var created: Date
    var updated: Date
    var settings: Settings
    var lessons: [String: LessonProgress]
    var answers: [Answer]
    var cases: [String: CaseProgress]?
    var quiz: QuizProgress?
  }

  /// Today's session for a version 1 file, and the answers it held (for the log).
  static func migrate(_ old: Version1) -> (Session, [Answer]) {
    var session = Session(learner: old.learner, now: old.created)
    session.updated = old.updated
    session.settings = old.settings
    session.lessons = old.lessons
    session.cases = old.cases ?? [:]
    session.quiz = old.quiz
    for answer in old.answers { session.record(answer) }
    return (session, old.answers)
  }

  /// Migrates a version 1 file on disk: keeps a copy of it, adds to the log the answers it
  /// holds that the log does not, and writes today's session file, counted from the log.
  ///
  /// The log is only ever appended to: a version 1 file restored beside a log that already
  /// holds answers (an old backup, or a folder synced with an older nelm) adds its missing
  /// answers after them and rewrites none. The copy goes to `<learner>.json.v1`, or
  /// `.v1.1`, `.v1.2` … when that name is taken by another file, so no earlier copy is
  /// replaced. Each step can be run again after a crash: an identical copy is not made twice
  /// and answers already logged are not logged twice.
  static func migrate(
    _ session: Session, answers: [Answer], original: [UInt8], file: URL, log: URL,
    logged: [Answer]
  ) throws(ProgressError) -> Session {
    try keepCopy(of: original, beside: file)
    // Answers are compared as the log writes them, so a line matches only itself.
    var already: [Data: Int] = [:]
    for answer in logged {
      already[try AnswerLog.lines([answer]), default: 0] += 1
    }
    var missing: [Answer] = []
    for answer in answers {
      let line = try AnswerLog.lines([answer])
      if let count = already[line], count > 0 {
        already[line] = count - 1
      } else {
        missing.append(answer)
      }
    }
    try AnswerLog.append(missing, to: log)
    // The summaries are rebuilt from everything logged, in the order answers were given.
    var migrated = session
    migrated.schemaVersion = Session.currentSchemaVersion
    migrated.items = [:]
    migrated.days = [:]
    migrated.streak = nil
    migrated.answerCount = 0
    let all = (logged + missing).enumerated().sorted {
      ($0.element.at, $0.offset) < ($1.element.at, $1.offset)
    }
    for (_, answer) in all { migrated.record(answer) }
    migrated.logBytes = AnswerLog.size(of: log)
    migrated = migrated.checkpointForm()
    try DurableFile.write(try SessionCoding.encode(migrated, path: file.path), to: file)
    return migrated
  }

  /// Migrates a version 2 file: keeps a copy of it, counts the days of the answers it counts
  /// (version 2 kept none) by reading the log once, applies the lines logged after it, and
  /// writes today's file. The log is not changed. Run again after a crash, it does the same.
  static func migrateVersion2(
    _ session: Session, original: [UInt8], file: URL, log: URL, repair: AnswerLogRepair
  ) throws(ProgressError) -> Session {
    try keepCopy(of: original, beside: file, suffix: ".v2")
    var migrated = session
    migrated.schemaVersion = Session.currentSchemaVersion
    migrated.days = [:]
    migrated.streak = nil
    // The lines a version 2 file counts were never checked at open (only those after it):
    // one that does not read now must not refuse a session that opened before, so the days
    // are counted up to it, and the rest of the counts are the file's own.
    _ = try? AnswerLog.forEachEntry(log, to: session.logBytes) {
      migrated.countDay(of: $0.answer)
    }
    // A run opened and left without an answer is the same as none: it leaves.
    migrated.cases = migrated.cases.filter { !$0.value.isUntouched }
    migrated = repair.recount(migrated).roundedToMilliseconds
    try DurableFile.write(try SessionCoding.encode(migrated, path: file.path), to: file)
    return migrated
  }

  /// Writes `original` to `<file><suffix>` (`.v1`, `.v2`) or the first free `<suffix>.N`,
  /// unless one of those already holds exactly these bytes.
  static func keepCopy(of original: [UInt8], beside file: URL, suffix: String = ".v1")
    throws(ProgressError)
  {
    let directory = file.deletingLastPathComponent()
    let names = Array(DurableFile.names(file.lastPathComponent + suffix, then: { ".\($0)" }))
    for name in names {
      let path = directory.appendingPathComponent(name).path
      guard try StateFile.check(path, writable: false) else { break }
      if (try? StateFile.read(path, limit: SessionStore.largestSessionFile)) == original {
        return
      }
    }
    _ = try DurableFile.create(original, in: directory, firstFreeOf: names)
  }
}
