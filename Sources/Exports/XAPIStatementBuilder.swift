import Cases
import Clinical
import Course
import Foundation
import Identifiers
import Progress

/// Turns events into xAPI statements for one learner and one course.
public struct XAPIStatementBuilder {
  /// The course the activities are described from.
  public let catalog: ItemCatalog
  /// Who, on which platform, which course version.
  public let settings: XAPIExport.Settings

  /// The actor as it names statements (see `identity(of:)`), worked out once.
  let identity: String
  /// What every statement of this builder writes the same way, encoded once.
  let encoded: Encoded

  /// A builder for `course`.
  public init(course: Course, settings: XAPIExport.Settings) {
    self.catalog = ItemCatalog(course: course)
    self.settings = settings
    self.identity = Self.identity(of: settings.actor)
    self.encoded = Encoded(settings)
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

  /// The activities described so far: every item of the course (a long log answers the same
  /// items again and again), and the steps of the generated case described last, whose
  /// steps come one after another. Bounded by the course, whatever the log's length.
  /// Each activity is kept with its encoded text (`Described`), made once per item.
  public struct Activities {
    var authored: [ItemID: Described] = [:]
    var generated: [ItemID: Described] = [:]
    var generatedCase: ClinicalCase?

    /// None yet.
    public init() {}

    mutating func activity(_ item: ItemID, in catalog: ItemCatalog) -> Described {
      let isGenerated = item.caseID?.isGenerated == true
      if let known = isGenerated ? generated[item] : authored[item] { return known }
      let previous = generatedCase?.id
      let activity = Described(
        XAPIExport.Activity.item(item, in: catalog, reusing: &generatedCase))
      if isGenerated {
        if generatedCase?.id != previous { generated = [:] }
        generated[item] = activity
      } else {
        authored[item] = activity
      }
      return activity
    }
  }

  /// The statements of `events`, in their order.
  public func statements(for events: [XAPIEvent]) -> [JSONValue] {
    var activities = Activities()
    return events.map { statement(for: $0, activities: &activities) }
  }

  /// The statement of one event, describing its activity from `activities` when it can.
  public func statement(for event: XAPIEvent, activities: inout Activities) -> JSONValue {
    let parts = parts(of: event, activities: &activities)
    var context: [JSONValue.Member] = [.init("platform", .string(settings.platform))]
    if let parent = parts.activity.activity.parent {
      context.append(
        .init("contextActivities", .object([.init("parent", .array([parent]))])))
    }
    if !parts.extensions.isEmpty {
      context.append(.init("extensions", .object(parts.extensions)))
    }
    return .object([
      .init("id", .string(parts.id)),
      .init("actor", settings.actor.json),
      .init("verb", parts.verb.json),
      .init("object", parts.activity.activity.json),
      .init("result", parts.result),
      .init("context", .object(context)),
      .init("timestamp", .string(parts.timestamp)),
    ])
  }

  /// What one event's statement is made of, besides what every statement shares.
  struct Parts {
    var id: String
    var verb: Verb
    var activity: Described
    var result: JSONValue
    /// The context's extensions, the course version first.
    var extensions: [JSONValue.Member]
    var timestamp: String
  }

  func parts(of event: XAPIEvent, activities: inout Activities) -> Parts {
    switch event {
    case .answered(let answer, let attempt):
      return parts(
        .answered, activity: activities.activity(answer.item, in: catalog), at: answer.at,
        naming: [timestamp(answer.at), "attempt \(attempt)"], result: result(of: answer),
        extensions: [.init("\(XAPIExport.homePage)/xapi/attempt", .number(Double(attempt)))])
    case .completed(let completion):
      let activity: XAPIExport.Activity =
        completion.kind == .lesson
        ? .lesson(completion.id, in: catalog)
        : .clinicalCase(CaseID(completion.id), in: catalog)
      return parts(
        .completed, activity: Described(activity), at: completion.at,
        naming: ["started " + timestamp(completion.started)],
        result: .object([.init("completion", .bool(true))]), extensions: [])
    }
  }

  /// The parts of one statement; its id is the UUID of the actor's identity, the verb, the
  /// object's id and `naming` (what tells this event from another of the same kind).
  func parts(
    _ verb: Verb, activity: Described, at: Date, naming: [String], result: JSONValue,
    extensions: [JSONValue.Member]
  ) -> Parts {
    let name =
      [identity, verb.rawValue, activity.activity.id].joined(separator: "\n") + "\n"
      + naming.joined(separator: "\n")
    let id = NameUUID.make(namespace: XAPIExport.namespace, name: name).uuidString.lowercased()
    var contextExtensions = extensions
    if let version = settings.courseVersion {
      contextExtensions.insert(.init(XAPIExport.courseVersionKey, .string(version)), at: 0)
    }
    return Parts(
      id: id, verb: verb, activity: activity, result: result, extensions: contextExtensions,
      timestamp: timestamp(at))
  }

  /// The actor as it names statements: kind and identifiers, one a line.
  static func identity(of actor: XAPIActor) -> String {
    switch actor {
    case .local(let name): "account\n\(XAPIExport.homePage)\n\(name)"
    case .account(let homePage, let name): "account\n\(homePage)\n\(name)"
    case .email: "mbox_sha1sum\n\(actor.sha1sum)"
    }
  }

  private func timestamp(_ date: Date) -> String {
    SessionCoding.string(from: date) ?? "1900-01-01T00:00:00.000Z"
  }

  /// The response as xAPI writes a choice (ids joined by `[,]`; none when the learner chose
  /// nothing, since xAPI has no empty response), whether it was right, how long it took, and
  /// nelm's own details as extensions.
  func result(of answer: Answer) -> JSONValue {
    var extensions: [JSONValue.Member] = [
      .init("\(XAPIExport.homePage)/xapi/hints-used", .number(Double(answer.hintsUsed))),
      .init("\(XAPIExport.homePage)/xapi/skipped", .bool(answer.skipped)),
    ]
    if let outcome = answer.outcome {
      extensions.append(
        .init("\(XAPIExport.homePage)/xapi/outcome", .string(outcome.rawValue)))
    }
    var members: [JSONValue.Member] = []
    if !answer.skipped && !answer.response.isEmpty {
      members.append(.init("response", .string(XAPIChoiceID.response(answer.response))))
    }
    return .object(
      members + [
        .init("success", .bool(answer.correct)),
        .init("duration", .string(ISODuration.text(milliseconds: answer.durationMs))),
        .init("extensions", .object(extensions)),
      ])
  }
}
