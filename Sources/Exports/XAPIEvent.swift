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

  /// The completions the session records, lessons in course order then cases by id.
  ///
  /// A case is completed by answering its last step, which sets its `updated` time, and a
  /// completed case reopened starts a new run: `updated` is its completion time. A lesson's
  /// `updated` moves whenever it is reopened, so its completion time is that of the first
  /// answer, in this run, to its last question (its `updated` when it has no question).
  public static func completions(of record: LearnerRecord, catalog: ItemCatalog) -> [Completion] {
    guard let session = record.session else { return [] }
    var done: [Completion] = []
    let lessons = catalog.course.lessons
    let order = lessons.map(\.id)
    let completedLessons = session.lessons.filter(\.value.completed).sorted {
      (order.firstIndex(of: $0.key) ?? .max, $0.key) < (
        order.firstIndex(of: $1.key) ?? .max, $1.key
      )
    }
    for (id, progress) in completedLessons {
      var at = progress.updated
      if let lesson = lessons.first(where: { $0.id == id }), let last = lesson.questions.last {
        let item = lesson.itemID(of: last)
        if let first = record.answers.first(where: { $0.item == item && $0.at >= progress.started })
        {
          at = first.at
        }
      }
      done.append(Completion(kind: .lesson, id: id, started: progress.started, at: at))
    }
    for (id, progress) in session.cases.filter(\.value.completed).sorted(by: { $0.key < $1.key }) {
      done.append(
        Completion(kind: .clinicalCase, id: id, started: progress.started, at: progress.updated))
    }
    return done
  }
}
