import Clinical
import Yams

/// A step of a case file as read, before the facts it is asked on are known.
struct CaseStepDraft {
  /// `step 'grade'`, or `step 2 of stage 1` when the id cannot be read.
  var name: String
  var id: Located<String>?
  /// What is asked: the `kind`, or for a "what if" step its `ask`.
  var kind: CaseStepKind?
  /// Where the asked kind was written, for problems with the answer.
  var kindMark: Mark?
  /// For a "what if" step: the facts it changes, and where `change` was written.
  var change: CaseFactsYAML?
  var changeMark: Mark?
  var isWhatIf = false
  /// The option ids as written (nil when absent), with each item's node.
  var options: [String]?
  var optionNodes: [Node] = []
  var optionsMark: Mark?
  var points: String?
  var source: String?
  /// The step's mapping, for "missing key" reports made after reading.
  var mark: Mark?
  /// Whether its own keys were read without a problem.
  var isSound = false

  /// The loaded step once `facts` are known.
  func step(facts: CaseFacts, whatIf: String?) -> CaseStep? {
    guard let id, let kind else { return nil }
    return CaseStep(
      id: id.value, kind: kind, facts: facts, whatIf: whatIf, options: options ?? [],
      points: points, source: source)
  }
}

/// Reads one step of a case file: its keys, its kind and, for a "what if" step, its change.
enum CaseStepDecoder {
  static let stepKeys = ["id", "kind", "options", "points", "source", "change", "ask"]
  static let whatIf = "what_if"

  /// The step held by `node`, the `number`th of stage `stage` (both 1-based).
  static func decode(_ node: Node, number: Int, stage: Int, log: inout DiagnosticLog)
    -> CaseStepDraft?
  {
    let idNode = node.mapping?["id"]
    let name =
      node.mapping?.label("id").map { "step '\($0)'" } ?? "step \(number) of stage \(stage)"
    guard let record = RecordReader(node, kind: "step", name: name, keys: stepKeys, log: &log)
    else { return nil }
    let before = log.entries.count
    var draft = CaseStepDraft(name: name, mark: record.mark)
    draft.id = record.text("id", log: &log)
      .flatMap { Identifier.check($0, what: "step id", at: idNode?.mark, log: &log) }
      .map { Located($0, file: log.file, mark: idNode?.mark) }
    if let raw = record.text("kind", log: &log) {
      readKind(raw, record: record, into: &draft, log: &log)
    }
    if let optionsNode = record.optionalNode("options") {
      draft.optionsMark = optionsNode.mark
      draft.optionNodes = optionsNode.sequence.map { Array($0) } ?? []
      draft.options = record.texts("options", nonEmpty: true, log: &log)
    }
    draft.points = record.optionalNode("points").flatMap {
      record.text(of: $0, key: "points", log: &log)
    }
    draft.source = record.optionalNode("source").flatMap {
      record.text(of: $0, key: "source", log: &log)
    }
    draft.isSound = log.entries.count == before
    return draft
  }

  private static func readKind(
    _ raw: String, record: RecordReader, into draft: inout CaseStepDraft, log: inout DiagnosticLog
  ) {
    let kindNode = record.optionalNode("kind")
    let asked = CaseStepKind.allCases.map(\.rawValue).joined(separator: ", ")
    guard raw == whatIf else {
      draft.kindMark = kindNode?.mark
      draft.kind = CaseStepKind(rawValue: raw)
      if draft.kind == nil {
        log.report(
          "unknown kind '\(raw)' in \(draft.name); expected one of: \(asked), \(whatIf)",
          at: kindNode?.mark)
      }
      for key in ["change", "ask"] where record.optionalNode(key) != nil {
        log.report(
          "'\(key)' is only for what_if steps; \(draft.name) is \(raw)",
          at: record.optionalNode(key)?.mark)
      }
      return
    }
    draft.isWhatIf = true
    if let change = record.node("change", log: &log) {
      draft.changeMark = change.mark
      if case .mapping(let mapping) = change, mapping.isEmpty {
        log.report("empty 'change' in \(draft.name)", at: change.mark)
      } else if case .mapping = change {
        draft.change = CaseFactsYAML.read(change, log: &log)
      } else {
        log.report("'change' must be a mapping of case facts", at: change.mark)
      }
    }
    guard let ask = record.text("ask", log: &log) else { return }
    let askNode = record.optionalNode("ask")
    draft.kindMark = askNode?.mark
    draft.kind = CaseStepKind(rawValue: ask)
    if ask == whatIf {
      log.report(
        "'ask' of \(draft.name) cannot be what_if; expected one of: \(asked)", at: askNode?.mark)
    } else if draft.kind == nil {
      log.report(
        "unknown kind '\(ask)' in 'ask' of \(draft.name); expected one of: \(asked)",
        at: askNode?.mark)
    }
  }
}
