import Cases
import Clinical
import Course
import Foundation
import Identifiers
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

  /// Calls `body` with the events of `record` (all of them, or those `since` selects), one at
  /// a time: answers in log order, each completion after the answers logged up to its time.
  /// The log is read twice (once for the completions' times, once for the answers, whatever
  /// `since` is), never held: memory stays the same however long it is.
  public static func forEachEvent(
    of record: LearnerRecord, course: Course, since: Since? = nil,
    _ body: (XAPIEvent) throws -> Void
  ) throws {
    var completions = try XAPIEvent.completions(of: record, catalog: ItemCatalog(course: course))
    var firstOffset = 0
    switch since {
    case nil: break
    case .offset(let offset): firstOffset = offset
    case .date(let date): completions = completions.filter { $0.at >= date }
    }
    // Completions by time; those of one time keep their order.
    completions = completions.enumerated()
      .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    // After an offset, the completions from the time of the last answer before it on: a
    // suffix of the sorted list, found once the lines before the offset (read anyway for the
    // attempt numbers) have gone by, before anything is written.
    var before: Date?
    var next: Int?
    func first() -> Int {
      before.map { time in completions.firstIndex { $0.at >= time } ?? completions.count } ?? 0
    }
    var attempts: [ItemID: Int] = [:]
    try record.forEachEntry { entry in
      let item = entry.answer.item
      let attempt = (attempts[item] ?? 0) + 1
      attempts[item] = attempt
      guard entry.start >= firstOffset else {
        before = entry.answer.at
        return
      }
      var index = next ?? first()
      defer { next = index }
      if case .date(let date) = since, entry.answer.at < date { return }
      while index < completions.count, completions[index].at < entry.answer.at {
        try body(.completed(completions[index]))
        index += 1
      }
      try body(.answered(entry.answer, attempt: attempt))
    }
    for completion in completions[(next ?? first())...] { try body(.completed(completion)) }
  }

  /// The events of `record` (all of them, or those `since` selects), in memory.
  public static func events(of record: LearnerRecord, course: Course, since: Since? = nil) throws
    -> [XAPIEvent]
  {
    var events: [XAPIEvent] = []
    try forEachEvent(of: record, course: course, since: since) { events.append($0) }
    return events
  }

  /// Every statement of `record`, or those `since` selects, in memory.
  public static func statements(
    for record: LearnerRecord, course: Course, settings: Settings, since: Since? = nil
  ) throws -> [JSONValue] {
    XAPIStatementBuilder(course: course, settings: settings)
      .statements(for: try events(of: record, course: course, since: since))
  }

  /// Writes the statements of `record` (or those `since` selects) through `emit`, a piece
  /// at a time, as `text(of:)` would write them all; returns how many there were.
  @discardableResult
  public static func write(
    _ record: LearnerRecord, course: Course, settings: Settings, since: Since? = nil,
    to emit: (String) throws -> Void
  ) throws -> Int {
    let builder = XAPIStatementBuilder(course: course, settings: settings)
    var activities = XAPIStatementBuilder.Activities()
    var count = 0
    // Statements gather in one buffer, handed on by the 64 KiB: memory stays flat.
    var buffer = ""
    buffer.reserveCapacity(1 << 17)
    try forEachEvent(of: record, course: course, since: since) { event in
      buffer += count == 0 ? "[\n  " : ",\n  "
      builder.write(event, activities: &activities, to: &buffer)
      count += 1
      if buffer.utf8.count >= 1 << 16 {
        try emit(buffer)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    buffer += count == 0 ? "[]\n" : "\n]\n"
    try emit(buffer)
    return count
  }

  /// `statements` as a pretty-printed JSON array, ending with a line break.
  public static func text(of statements: [JSONValue]) -> String {
    JSONValue.array(statements).prettyPrinted() + "\n"
  }
}
