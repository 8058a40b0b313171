import Clinical
import Yams

/// Reads the stages of one case in order, carrying the facts along the story: each stage's
/// `update` is merged in, the merged facts are checked by the engine's parser, and every step
/// is checked against the facts it is asked on.
struct CaseStageDecoder {
  static let stageKeys = ["title", "text", "update", "steps"]

  /// `case 'id'`, for messages.
  let caseName: String
  /// The facts so far; nil once they cannot be read, which was reported already.
  private var facts: CaseFactsYAML?
  /// Where the case's `facts` key is: problems with no key of their own are shown there.
  private let factsMark: Mark?
  /// The problems of the facts so far, so that each is reported where it first appears.
  private var problems: [CaseFactsProblem] = []
  /// The step ids used so far, with the line of their first use.
  private var stepLines: [String: Int] = [:]

  init(caseName: String, facts: CaseFactsYAML?, factsMark: Mark?) {
    self.caseName = caseName
    self.facts = facts
    self.factsMark = factsMark
  }

  /// The `number`th stage (1-based), or nil when it or the facts it needs have a problem.
  mutating func decode(_ node: Node, number: Int, log: inout DiagnosticLog) -> CaseStage? {
    let name = "stage \(number)"
    guard
      let record = RecordReader(node, kind: "stage", name: name, keys: Self.stageKeys, log: &log)
    else { return nil }
    let title = record.text("title", log: &log)
    let text = record.text("text", log: &log)
    if let update = record.optionalNode("update") {
      var change: CaseFactsYAML?
      if case .mapping = update {
        change = CaseFactsYAML.read(update, log: &log)
      } else {
        log.report("'update' must be a mapping of case facts", at: update.mark)
      }
      // A broken update leaves the later facts unknowable: check no further.
      facts = change.flatMap { facts?.merged(with: $0) }
    }
    let parsed = parse(
      facts, known: problems, place: name, fallback: node.keyMark("update") ?? factsMark,
      log: &log)
    problems = parsed.problems
    let steps = record.list("steps", nonEmpty: false, log: &log).map { nodes in
      nodes.enumerated().map { index, step in
        decodeStep(step, number: index + 1, stage: number, stageFacts: parsed.facts, log: &log)
      }
    }
    guard let title, let text, let stageFacts = parsed.facts, let steps = steps?.allPresent()
    else { return nil }
    return CaseStage(title: title, text: text, facts: stageFacts, steps: steps)
  }

  private mutating func decodeStep(
    _ node: Node, number: Int, stage: Int, stageFacts: CaseFacts?, log: inout DiagnosticLog
  ) -> CaseStep? {
    guard let draft = CaseStepDecoder.decode(node, number: number, stage: stage, log: &log)
    else { return nil }
    if let id = draft.id {
      if let first = stepLines[id.value] {
        log.report(
          "duplicate step id '\(id.value)' in \(caseName); first at line \(first)",
          line: id.line, column: id.column)
      } else {
        stepLines[id.value] = id.line
      }
    }
    let optionsAreSound = CaseChecks.checkOptions(draft, log: &log)
    var stepFacts = stageFacts
    var whatIf: String?
    if draft.isWhatIf {
      let changed = draft.change.flatMap { change in facts?.merged(with: change) }
      stepFacts =
        parse(
          changed, known: problems, place: draft.name,
          fallback: node.keyMark("change") ?? factsMark, log: &log
        ).facts
      whatIf = draft.change?.changeDescription
    }
    guard let stepFacts, let step = draft.step(facts: stepFacts, whatIf: whatIf) else {
      return nil
    }
    if draft.isSound, optionsAreSound {
      CaseChecks.checkAnswer(step, draft: draft, log: &log)
    }
    return step
  }

  /// Parses `facts` with the engine's parser and reports each problem not in `known`, at the
  /// key it names when that key is written, else at `fallback`.
  private func parse(
    _ facts: CaseFactsYAML?, known: [CaseFactsProblem], place: String, fallback: Mark?,
    log: inout DiagnosticLog
  ) -> (facts: CaseFacts?, problems: [CaseFactsProblem]) {
    guard let facts else { return (nil, known) }
    switch CaseFactsParser.parse(object: facts.object) {
    case .success(let parsed):
      return (parsed, [])
    case .failure(let errors):
      for problem in errors.problems where !known.contains(problem) {
        log.report(
          "invalid facts in \(place): \(problem)", at: facts.mark(at: problem.path) ?? fallback)
      }
      return (nil, errors.problems)
    }
  }
}

extension Node {
  /// Where `key` is written in this mapping; nil when it is not a mapping or has no such key.
  func keyMark(_ key: String) -> Mark? {
    guard case .mapping(let mapping) = self else { return nil }
    return mapping.first { $0.key.scalar?.string == key }?.key.mark
  }
}
