import Clinical
import Foundation

/// Statements written straight as text: what every statement shares (the actor, the verbs,
/// the platform) and what every answer to one item shares (its activity, its parent) is
/// encoded once, and only the event's own parts each time. A long log answers the same items
/// again and again: building and printing the whole tree per statement was most of the cost
/// of `nelm export xapi`. The text is the same, byte for byte, as `statement(for:)`
/// pretty-printed (the tests hold the two paths together).
extension XAPIStatementBuilder {
  /// The settings' parts, encoded as they stand in a statement of a list (`prettyPrinted`
  /// with indent `"  "`: a statement's members at four spaces).
  struct Encoded {
    var actor: String
    var answered: String
    var completed: String
    var platform: String

    init(_ settings: XAPIExport.Settings) {
      actor = settings.actor.json.prettyPrinted(indent: "    ")
      answered = Verb.answered.json.prettyPrinted(indent: "    ")
      completed = Verb.completed.json.prettyPrinted(indent: "    ")
      platform = JSONValue.quoted(settings.platform)
    }
  }

  /// An activity with its encoded text: the statement's `object`, and its parent as the
  /// context's `contextActivities`.
  struct Described {
    var activity: XAPIExport.Activity
    var object: String
    var contextActivities: String?

    init(_ activity: XAPIExport.Activity) {
      self.activity = activity
      object = activity.json.prettyPrinted(indent: "    ")
      contextActivities = activity.parent.map {
        JSONValue.object([.init("parent", .array([$0]))]).prettyPrinted(indent: "      ")
      }
    }
  }

  /// Appends the statement of `event` to `out`, as `statement(for:activities:)` would be
  /// pretty-printed in a list of statements (indent `"  "`).
  public func write(_ event: XAPIEvent, activities: inout Activities, to out: inout String) {
    let parts = parts(of: event, activities: &activities)
    out += "{\n    \"id\": "
    JSONValue.appendQuoted(parts.id, to: &out)
    out += ",\n    \"actor\": "
    out += encoded.actor
    out += ",\n    \"verb\": "
    out += parts.verb == .answered ? encoded.answered : encoded.completed
    out += ",\n    \"object\": "
    out += parts.activity.object
    out += ",\n    \"result\": "
    parts.result.write(to: &out, indent: "    ")
    out += ",\n    \"context\": {\n      \"platform\": "
    out += encoded.platform
    if let contextActivities = parts.activity.contextActivities {
      out += ",\n      \"contextActivities\": "
      out += contextActivities
    }
    if !parts.extensions.isEmpty {
      out += ",\n      \"extensions\": "
      JSONValue.object(parts.extensions).write(to: &out, indent: "      ")
    }
    out += "\n    },\n    \"timestamp\": "
    JSONValue.appendQuoted(parts.timestamp, to: &out)
    out += "\n  }"
  }

  /// The statements of `events` as a pretty-printed JSON array ending with a line break:
  /// `XAPIExport.text(of: statements(for: events))`, written straight as text.
  public func text(of events: [XAPIEvent]) -> String {
    guard !events.isEmpty else { return "[]\n" }
    var activities = Activities()
    var out = "[\n  "
    for (index, event) in events.enumerated() {
      if index > 0 { out += ",\n  " }
      write(event, activities: &activities, to: &out)
    }
    return out + "\n]\n"
  }
}
