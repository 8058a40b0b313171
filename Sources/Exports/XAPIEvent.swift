import Cases
import Foundation
import Identifiers
import Progress

/// Something a learner did that becomes one xAPI statement, named by the event itself (who,
/// what, when, which attempt), never by the course's text, so that its statement keeps its id
/// when the course changes.
public enum XAPIEvent: Sendable, Equatable {
  /// An answer from the log: the `attempt`-th answer to its item (1 for the first).
  case answered(Answer, attempt: Int)
  /// A lesson or case run brought to its end.
  case completed(Completion)

  /// A lesson or a case the session marks completed, once per run: a run starts when the
  /// lesson is first opened (or opened again after `reset`) or when a case is opened afresh.
  /// Reopening a completed lesson to read it again is the same run, so it adds nothing.
  public struct Completion: Sendable, Equatable {
    /// Lesson or case.
    public enum Kind: String, Sendable { case lesson = "lessons", clinicalCase = "cases" }
    /// Lesson or case.
    public var kind: Kind
    /// The lesson's or case's id.
    public var id: String
    /// When the run started: with the kind and id, what names the completion.
    public var started: Date
    /// When the run was completed, as near as the files tell.
    public var at: Date

    /// The completion's name in `nelm sync`'s state: `lessons/ID@STARTED`.
    public var key: String {
      "\(kind.rawValue)/\(id)@\(SessionCoding.string(from: started) ?? "")"
    }
  }

  /// When it happened: the statement's timestamp.
  public var at: Date {
    switch self {
    case .answered(let answer, _): answer.at
    case .completed(let completion): completion.at
    }
  }

  /// Every answer of `entries` with its attempt number, in log order. `earlier` are the
  /// log's lines before them, counted for the attempt numbers only.
  public static func answers(
    _ entries: some Collection<AnswerLog.Entry>, after earlier: some Collection<AnswerLog.Entry>
  ) -> [XAPIEvent] {
    var attempts: [ItemID: Int] = [:]
    for entry in earlier { attempts[entry.answer.item, default: 0] += 1 }
    return entries.map { entry in
      attempts[entry.answer.item, default: 0] += 1
      return .answered(entry.answer, attempt: attempts[entry.answer.item] ?? 1)
    }
  }

  /// The completions of a learner: lessons in course order, then cases by id, then the
  /// generated cases the log records completed (a completed generated case leaves the session
  /// file; the log line of its last step carries its run). One pass over the log.
  ///
  /// A case is completed by answering its last step, which sets its `updated` time, and a
  /// completed case reopened starts a new run: `updated` is its completion time. A lesson's
  /// `updated` moves whenever it is reopened, so its completion time is that of the first
  /// answer, in this run, to its last question (its `updated` when it has no question).
  public static func completions(of record: LearnerRecord, catalog: ItemCatalog) throws
    -> [Completion]
  {
    var done: [Completion] = []
    let session = record.session
    let lessons = catalog.course.lessons
    let order = lessons.map(\.id)
    let completedLessons = (session?.lessons ?? [:]).filter(\.value.completed).sorted {
      (order.firstIndex(of: $0.key) ?? .max, $0.key) < (
        order.firstIndex(of: $1.key) ?? .max, $1.key
      )
    }
    // The item of each completed lesson's last question, with the run's start.
    var lastQuestions: [ItemID: (lesson: String, started: Date)] = [:]
    for (id, progress) in completedLessons {
      if let lesson = lessons.first(where: { $0.id == id }), let last = lesson.questions.last {
        lastQuestions[lesson.itemID(of: last)] = (id, progress.started)
      }
    }
    var lessonTimes: [String: Date] = [:]
    var fromLog: [Completion] = []
    var seen = Set(
      (session?.cases ?? [:]).filter(\.value.completed).map { id, progress in
        Completion(kind: .clinicalCase, id: id, started: progress.started, at: progress.updated).key
      })
    try record.forEachEntry { entry in
      if let run = lastQuestions[entry.answer.item], lessonTimes[run.lesson] == nil,
        entry.answer.at >= run.started
      {
        lessonTimes[run.lesson] = entry.answer.at
      }
      for (id, progress) in entry.effects.cases where CaseID(id).isGenerated {
        guard let progress, progress.completed else { continue }
        let completion = Completion(
          kind: .clinicalCase, id: id, started: progress.started, at: progress.updated)
        if seen.insert(completion.key).inserted { fromLog.append(completion) }
      }
    }
    for (id, progress) in completedLessons {
      done.append(
        Completion(
          kind: .lesson, id: id, started: progress.started,
          at: lessonTimes[id] ?? progress.updated))
    }
    let cases = (session?.cases ?? [:]).filter(\.value.completed).sorted { $0.key < $1.key }
    for (id, progress) in cases {
      done.append(
        Completion(kind: .clinicalCase, id: id, started: progress.started, at: progress.updated))
    }
    return done + fromLog.sorted { ($0.id, $0.started) < ($1.id, $1.started) }
  }
}
