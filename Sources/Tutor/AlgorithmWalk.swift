import Clinical
import Foundation

/// The `algorithm` command: walks a learner through the review's Figure 3 (as nelm
/// reconstructs it), one fact at a time, showing at each branch where the patient goes.
///
/// Facts come in the order in which v3 tries its rules: the patient, contraindications and a
/// syndrome (D2a), histology (D1, D2), staging (D3), then, for a NET G3, fitness and the liver
/// (D2b); otherwise the course of the disease, fitness and the liver (D4–D9), and last whether
/// the patient is already on an SSA, asked only when that changes the decision. A rule that
/// decides early (D2a, D1, D2, D3) ends the walk; the facts not asked keep their defaults,
/// which cannot change that decision.
struct AlgorithmWalk: Activity {
  private(set) var answers: [String: String] = [:]
  private(set) var index = 0
  /// Set when the walk has reached its decision.
  private(set) var assessment: Assessment?

  /// The question on screen, or nil when the walk is over.
  var current: FactQuestion? {
    guard assessment == nil else { return nil }
    return AlgorithmWalk.questions[index...].first { $0.isNeeded(answers) }
  }

  /// Starts a walk: the notice, `figure` (Figure 3 drawn for the screen) and the first
  /// question.
  mutating func start(figure: [Block] = []) -> [Block] {
    index = AlgorithmWalk.questions.firstIndex { $0.isNeeded(answers) } ?? 0
    return [
      .rule("Walk the algorithm (review Figure 3, reconstructed)", right: ""),
      .text(Simplifications.notice, .dim),
      .text(
        "Answer each question, or press Enter for the default in [brackets]. Tab completes the allowed values; `menu` or Ctrl-C leaves.",
        .dim),
      .blank,
    ] + figure + (figure.isEmpty ? [] : [.blank]) + promptBlocks()
  }

  /// Takes an answer to the current question; returns what to show next.
  mutating func answer(_ line: String) -> (blocks: [Block], isError: Bool) {
    guard let question = current else { return ([], false) }
    let text = line.trimmingCharacters(in: .whitespaces)
    let raw = text.isEmpty ? question.defaultValue(answers) : text
    switch question.read(raw) {
    case .failure(let error):
      return ([.text(error.message, .bad)], true)
    case .success(let value):
      answers[question.path] = value
      if let position = AlgorithmWalk.questions.firstIndex(where: { $0.path == question.path }) {
        index = position + 1
      }
      var blocks = checkpoint(after: question.path)
      if assessment == nil {
        if current == nil { blocks += finish() } else { blocks += promptBlocks() }
      }
      return (blocks, false)
    }
  }

  /// The prompt line of the current question, with its allowed values and default.
  func promptBlocks() -> [Block] {
    guard let question = current else { return [] }
    let allowed: String
    switch question.kind {
    case .choice(let values): allowed = values.map(FactQuestion.spoken).joined(separator: " | ")
    case .yesNo: allowed = "yes | no"
    case .number(_, _, _, let optional): allowed = optional ? "a number or unknown" : "a number"
    case .list(let values):
      allowed = (values + ["none"]).map(FactQuestion.spoken).joined(separator: " | ")
    }
    return [
      .paragraph([
        Span(question.prompt, .strong), Span(" (\(allowed))", .dim),
        Span(" [\(FactQuestion.spoken(question.defaultValue(answers)))]", .accent),
      ])
    ]
  }

  /// The facts as the engine reads them, with defaults for what was not asked.
  func facts() -> Result<CaseFacts, CaseFactsErrors> {
    AlgorithmWalk.facts(from: answers)
  }

  /// Ends the walk with the engine's full result.
  mutating func finish() -> [Block] {
    switch facts() {
    case .failure(let errors):
      // The answers contradict each other (e.g. progressive with 6 months stable).
      assessment = nil
      return [.text("These facts do not fit together:", .bad)]
        + errors.problems.map { .text("  \($0.description)", .bad) }
        + [.text("`algorithm` starts again.", .dim)]
    case .success(let facts):
      let result = ClinicalEngine.assess(facts)
      assessment = result
      var blocks: [Block] = [.blank, .rule("Where the patient goes", right: "")]
      if let best = result.best {
        blocks.append(.paragraph([Span("Decision: ", .accent), Span(best.name, .strong)]))
      }
      blocks += notAskedMarked(result.reportLines()).compactMap(Self.learnerLine).map { line in
        let indent = line.prefix { $0 == " " }.count
        return line.isEmpty ? .blank : .paragraph([Span(line)], hang: indent == 0 ? 0 : 2)
      }
      return blocks
    }
  }
}

extension AlgorithmWalk {
  /// The report with the findings that rest only on defaults (the walk ended before it asked
  /// about the liver) said to be not asked, not stated as if they were known (B13).
  func notAskedMarked(_ lines: [String]) -> [String] {
    guard answers["liver.pattern"] == nil else { return lines }
    return lines.map { line in
      if line.hasPrefix("  liver-metastasis type: "),
        let rest = line.range(of: "   portal-drained:")
      {
        return "  liver-metastasis type: not asked" + line[rest.lowerBound...]
      }
      if line.hasPrefix("  transplant (Milan): ") {
        return "  transplant (Milan): not asked (the walk ended before the liver)"
      }
      return line
    }
  }

  /// A line of the engine's report as the walk shows it: without the rule's code (`rule:
  /// D7`, a code opening a trace line) or the option ids in brackets (`[primary_resection]`),
  /// which the reader of `nelm solve` wants and a learner never typed; the tree drawn beside
  /// it names each rule by its question. `nil` for a line that only names a code.
  static func learnerLine(_ line: String) -> String? {
    var line = line
    guard !line.hasPrefix("  rule: ") else { return nil }
    if let id = line.range(of: #" \[[a-z0-9_]+\]$"#, options: .regularExpression) {
      line.removeSubrange(id)
    }
    if line.hasPrefix("  adjuncts:") {
      line = "  " + ClinicalWords.stepKind("adjuncts") + line.dropFirst("  adjuncts".count)
    }
    let indent = line.prefix { $0 == " " }
    return indent + ClinicalWords.learnerText(String(line.dropFirst(indent.count)))
  }

  var prompt: String { "algorithm> " }

  var isOver: Bool { current == nil }

  /// Every line is a fact, but for the few commands that leave or help.
  mutating func accept(_ line: String, _ context: inout TutorContext) -> Reply? {
    let word = line.split(separator: " ").first.map { $0.lowercased() } ?? ""
    guard !["help", "?", "menu", "quit", "exit", "bye"].contains(word) else { return nil }
    var (blocks, isError) = answer(line)
    if let assessment, !isError {
      // The decision reached: the tree again, with the path the answers took.
      if case .success(let facts) = facts() { context.lastFacts = facts }
      blocks += [.blank] + Pictures.tree(context.figureStyle, highlighting: assessment)
    }
    return Reply(blocks, isError: isError)
  }

  func leave(_ context: TutorContext) -> String { "Left the algorithm walk." }

  func completion(_ context: TutorContext) -> ActivityCompletion {
    .only((current?.completions ?? []) + ["help", "menu"])
  }
}
