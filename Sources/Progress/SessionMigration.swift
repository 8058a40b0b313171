import Foundation

/// Reads session files of earlier format versions and turns them into today's.
///
/// Version 1 (nelm 0.1, before the answer log) kept every answer inside the session file.
/// Migrating moves them to the log and rebuilds the item summaries from them.
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
}
