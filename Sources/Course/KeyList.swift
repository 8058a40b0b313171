import Yams

/// The `key` of a question as written: `b` or `[a, c]`.
struct KeyList {
  /// The option ids, in the order written, with where each was written.
  var entries: [(id: String, mark: Mark?)]
  /// Where the `key` value starts.
  var mark: Mark?

  /// Reads a scalar or a list of scalars; nil (and a report) for anything else.
  static func read(_ node: Node, log: inout DiagnosticLog) -> KeyList? {
    let problem = "'key' must be an option id or a list of option ids"
    switch node {
    case .scalar(let scalar):
      let entries = node.isNull ? [] : [(id: scalar.string, mark: node.mark)]
      return KeyList(entries: entries, mark: node.mark)
    case .sequence(let sequence):
      var entries: [(id: String, mark: Mark?)] = []
      for item in sequence {
        guard case .scalar(let scalar) = item else {
          log.report(problem, at: item.mark)
          return nil
        }
        entries.append((scalar.string, item.mark))
      }
      return KeyList(entries: entries, mark: node.mark)
    case .mapping, .alias:
      log.report(problem, at: node.mark)
      return nil
    }
  }

  /// Reports ids that name no option or repeat, and a count that does not fit `kind`.
  static func check(
    _ key: KeyList, options: [String], kind: Question.Kind, question: String,
    log: inout DiagnosticLog
  ) {
    var seen: Set<String> = []
    for entry in key.entries {
      if !options.contains(entry.id) {
        let known =
          options.isEmpty ? "it has none" : "options are \(options.joined(separator: ", "))"
        log.report("key '\(entry.id)' names no option of \(question); \(known)", at: entry.mark)
      } else if !seen.insert(entry.id).inserted {
        log.report("key '\(entry.id)' is listed twice in \(question)", at: entry.mark)
      }
    }
    let count = Set(key.entries.map(\.id)).count
    switch kind {
    case .single where count != 1, .trueFalse where count != 1:
      log.report(
        "\(question) is \(kind.rawValue), so 'key' must name exactly one option; it names \(count)",
        at: key.mark)
    case .multiple where count == 0:
      log.report("\(question) is multiple, so 'key' must name at least one option", at: key.mark)
    default:
      break
    }
  }
}
