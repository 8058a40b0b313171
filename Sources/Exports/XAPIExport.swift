import Clinical
import Course
import Foundation
import Progress

/// A learner's answers and completions as xAPI statements (xAPI 1.0.3), for a learning
/// record store.
///
/// Every answer becomes an `answered` statement whose object is the item, described as a
/// `choice` interaction with the course's choices and right answers; every lesson or case
/// the session file marks completed becomes a `completed` statement. Statement ids are
/// name-based UUIDs of the learner, verb, object and time, so exporting twice gives the same
/// ids and a store keeps one copy. The learner is an account on `https://nelm.invalid`, a
/// reserved name: nelm has no server.
public enum XAPIExport {
  /// The home page of the learner's account and the base of every activity id.
  public static let homePage = "https://nelm.invalid"

  /// The namespace of statement ids: the version 5 UUID of `homePage` among URLs.
  static let namespace = NameUUID.make(namespace: NameUUID.urlNamespace, name: homePage)

  /// Every statement, oldest first (a completion after the answers logged at its time).
  public static func statements(for record: LearnerRecord, course: Course) -> [JSONValue] {
    let catalog = ItemCatalog(course: course)
    var dated: [(at: Date, statement: JSONValue)] = []
    // A long log answers the same items again and again; describe each one once.
    var activities: [String: Activity] = [:]
    for answer in record.answers {
      let activity = activities[answer.item] ?? Activity.item(answer.item, in: catalog)
      activities[answer.item] = activity
      dated.append(
        (
          answer.at,
          statement(
            learner: record.learner, verb: .answered, activity: activity, at: answer.at,
            result: result(of: answer))
        ))
    }
    for (activity, at) in completions(record.session, catalog: catalog) {
      dated.append(
        (
          at,
          statement(
            learner: record.learner, verb: .completed, activity: activity, at: at,
            result: .object([.init("completion", .bool(true))]))
        ))
    }
    return dated.enumerated()
      .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
      .map(\.element.statement)
  }

  /// The statements as a pretty-printed JSON array, ending with a line break.
  public static func text(for record: LearnerRecord, course: Course) -> String {
    text(of: statements(for: record, course: course))
  }

  /// `statements` as a pretty-printed JSON array, ending with a line break.
  public static func text(of statements: [JSONValue]) -> String {
    JSONValue.array(statements).prettyPrinted() + "\n"
  }

  /// What a statement says the learner did.
  enum Verb: String {
    case answered, completed

    var json: JSONValue {
      .object([
        .init("id", .string("http://adlnet.gov/expapi/verbs/\(rawValue)")),
        .init("display", .object([.init("en-US", .string(rawValue))])),
      ])
    }
  }

  static func statement(
    learner: String, verb: Verb, activity: Activity, at: Date, result: JSONValue
  ) -> JSONValue {
    let timestamp = SessionCoding.string(from: at) ?? "1900-01-01T00:00:00.000Z"
    let name = [learner, verb.rawValue, activity.id, timestamp].joined(separator: "\n")
    var members: [JSONValue.Member] = [
      .init("id", .string(NameUUID.make(namespace: namespace, name: name).uuidString.lowercased())),
      .init("actor", actor(learner)),
      .init("verb", verb.json),
      .init("object", activity.json),
      .init("result", result),
    ]
    if let parent = activity.parent {
      members.append(
        .init(
          "context",
          .object([.init("contextActivities", .object([.init("parent", .array([parent]))]))])))
    }
    members.append(.init("timestamp", .string(timestamp)))
    return .object(members)
  }

  static func actor(_ learner: String) -> JSONValue {
    .object([
      .init("objectType", .string("Agent")),
      .init(
        "account", .object([.init("homePage", .string(homePage)), .init("name", .string(learner))])),
    ])
  }

  /// The response as xAPI writes a choice (ids joined by `[,]`), whether it was right, how
  /// long it took, and nelm's own details as extensions.
  static func result(of answer: Answer) -> JSONValue {
    var extensions: [JSONValue.Member] = [
      .init("\(homePage)/xapi/hints-used", .number(Double(answer.hintsUsed))),
      .init("\(homePage)/xapi/skipped", .bool(answer.skipped)),
    ]
    if let outcome = answer.outcome {
      extensions.append(.init("\(homePage)/xapi/outcome", .string(outcome)))
    }
    return .object([
      .init("response", .string(answer.response.joined(separator: "[,]"))),
      .init("success", .bool(answer.correct)),
      .init("duration", .string(ISODuration.text(milliseconds: answer.durationMs))),
      .init("extensions", .object(extensions)),
    ])
  }

  /// The lessons (in course order) and cases (by id) the session marks completed, with when
  /// they were last moved in.
  static func completions(_ session: Session?, catalog: ItemCatalog) -> [(Activity, Date)] {
    guard let session else { return [] }
    var done: [(Activity, Date)] = []
    let lessonOrder = catalog.course.lessons.map(\.id)
    let lessons = session.lessons.filter(\.value.completed).sorted {
      (lessonOrder.firstIndex(of: $0.key) ?? .max, $0.key)
        < (lessonOrder.firstIndex(of: $1.key) ?? .max, $1.key)
    }
    for (id, progress) in lessons {
      done.append((Activity.lesson(id, in: catalog), progress.updated))
    }
    for (id, progress) in session.cases.filter(\.value.completed).sorted(by: { $0.key < $1.key }) {
      done.append((Activity.clinicalCase(id, in: catalog), progress.updated))
    }
    return done
  }
}
