import Clinical

extension ClinicalCase {
  /// The case for `nelm case show` without `--json`: its title, then each stage's title and
  /// each step's kind, the options shown (lettered as the learner sees them) and the key.
  public func reportLines() -> [String] {
    var lines = ["\(title) (\(id))"]
    if !source.isEmpty { lines.append("Source: \(source)") }
    for (number, stage) in stages.enumerated() {
      lines += ["", "Stage \(number + 1): \(stage.title)"]
      for step in stage.steps {
        lines += Self.reportLines(of: step)
      }
    }
    if steps.isEmpty { lines += ["", "(no steps)"] }
    return lines
  }

  private static func reportLines(of step: CaseStep) -> [String] {
    let asked = step.whatIf.map { "what if \($0): \(step.kind.rawValue)" } ?? step.kind.rawValue
    var lines = ["  \(step.id) — \(asked)"]
    switch step.answerKey() {
    case .success(let key):
      for (index, choice) in key.choices.enumerated() {
        let letter = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(index % 26)))
        let label = choice.label == choice.id ? "" : ": \(choice.label)"
        lines.append("    \(letter)) \(choice.id)\(label)")
      }
      let correct = key.correct.isEmpty ? "none" : key.correct.joined(separator: ", ")
      let rule = key.assessment.rule.map { " (rule \($0))" } ?? ""
      lines.append("    key: \(correct)\(rule)")
      if !key.acceptable.isEmpty {
        lines.append("    also right: \(key.acceptable.joined(separator: ", "))")
      }
    case .failure(let problem):
      lines.append("    no key: \(problem.message)")
    }
    return lines
  }

  /// The case in one or two lines for `nelm case list`: id and title, then tags and steps.
  public var listLines: [String] {
    let tagText = tags.isEmpty ? "" : "tags: \(tags.joined(separator: ", ")); "
    return ["\(id)  \(title)", "  \(tagText)steps: \(stepKinds.joined(separator: ", "))"]
  }
}
