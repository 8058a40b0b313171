import Cases
import Clinical
import Course
import Foundation
import Progress

/// A learner's answers and completions as xAPI statements (xAPI 1.0.3), for a learning
/// record store (see `Docs/xapi.md`).
///
/// Every answer becomes an `answered` statement whose object is the item, described as a
/// `choice` interaction with the course's choices and right answers; every lesson or case
/// run the session file marks completed becomes one `completed` statement. A statement's id
/// is a name-based UUID of the event (the learner's identity, the verb, the item, the time
/// and the attempt), never of the course's text, so it stays the same when the course is
/// edited; the course's version goes in the context instead.
public enum XAPIExport {
  /// The reserved host of the default identity and the base of every activity id.
  public static let homePage = "https://nelm.invalid"

  /// The namespace of statement ids: the version 5 UUID of `homePage` among URLs.
  static let namespace = NameUUID.make(namespace: NameUUID.urlNamespace, name: homePage)

  /// The context extension that carries the course version.
  public static let courseVersionKey = "\(homePage)/xapi/course-version"

  /// Which part of a record to export.
  public enum Since: Sendable, Equatable {
    /// The answers logged from this byte offset of the log on, and the completions at or
    /// after the last answer before it (see `Docs/xapi.md`).
    case offset(Int)
    /// The answers and completions at or after this time.
    case date(Date)
  }

  /// What every statement says besides the event: who, on which platform, which course.
  public struct Settings: Sendable, Equatable {
    /// The learner's identity.
    public var actor: XAPIActor
    /// `CourseVersion` of the course the statements describe; nil leaves it out.
    public var courseVersion: String?
    /// `context.platform`, e.g. `nelm 0.1`.
    public var platform: String

    /// Creates a value from its parts.
    public init(actor: XAPIActor, courseVersion: String?, platform: String) {
      self.actor = actor
      self.courseVersion = courseVersion
      self.platform = platform
    }
  }

  /// The events of `record` (all of them, or those `since` selects): answers in log order,
  /// then completions, sorted by time (a completion after the answers logged at its time).
  public static func events(of record: LearnerRecord, course: Course, since: Since? = nil)
    -> [XAPIEvent]
  {
    let entries = record.entries
    let first: Int
    var completionsFrom: Date? = nil
    switch since {
    case nil:
      first = 0
    case .offset(let offset):
      first = entries.firstIndex { $0.start >= offset } ?? entries.count
      completionsFrom = first > 0 ? entries[first - 1].answer.at : nil
    case .date(let date):
      first = entries.firstIndex { $0.answer.at >= date } ?? entries.count
      completionsFrom = date
    }
    var events = XAPIEvent.answers(entries[first...], after: entries[..<first])
    if case .date(let date) = since {
      // A clock set back can log an older time after a newer one: filter them all.
      events = events.filter { $0.at >= date }
    }
    let completions = XAPIEvent.completions(of: record, catalog: ItemCatalog(course: course))
      .filter { completionsFrom == nil || $0.at >= completionsFrom ?? $0.at }
    let all = events + completions.map(XAPIEvent.completed)
    return all.enumerated()
      .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
      .map(\.element)
  }

  /// Every statement of `record`, or those `since` selects.
  public static func statements(
    for record: LearnerRecord, course: Course, settings: Settings, since: Since? = nil
  ) -> [JSONValue] {
    XAPIStatementBuilder(course: course, settings: settings)
      .statements(for: events(of: record, course: course, since: since))
  }

  /// `statements` as a pretty-printed JSON array, ending with a line break.
  public static func text(of statements: [JSONValue]) -> String {
    JSONValue.array(statements).prettyPrinted() + "\n"
  }
}
