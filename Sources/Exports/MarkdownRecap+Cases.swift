import Course
import Identifiers
import Progress

extension MarkdownRecap {
  /// A case: its status and source, then every step with an outcome: the question, what the
  /// learner chose when it was not right, the engine's answer and why, and the points.
  static func caseSection(
    _ clinicalCase: ClinicalCase, _ progress: CaseProgress?,
    latest: (CaseStep) -> GeneratedCaseLog.StepAnswer?
  ) -> String {
    let steps = clinicalCase.steps
    let status =
      switch progress {
      case .some(let progress) where progress.completed: "Completed."
      case .some(let progress):
        "In progress: step \(min(progress.position + 1, steps.count)) of \(steps.count)."
      case nil: "Not in the session file."
      }
    var lines = [
      "## Case: \(clinicalCase.title)", "",
      "\(status) Source: \(Paragraphs.line(clinicalCase.source))",
    ]
    var stepLines: [String] = []
    for (index, step) in steps.enumerated() {
      let answer = latest(step)
      guard let outcome = (progress?.outcomes[step.id] ?? answer?.outcome)?.rawValue else {
        continue
      }
      stepLines.append(
        "- **\(outcome.prefix(1).uppercased() + outcome.dropFirst()).** Step \(index + 1): ")
      guard let keyed = KeyedStep(clinicalCase, step, index: index) else {
        stepLines[stepLines.count - 1] += step.kind.question
        continue
      }
      stepLines[stepLines.count - 1] += keyed.question
      if outcome == "wrong", let answer, !answer.response.isEmpty {
        stepLines.append(
          "  - You answered: " + answer.response.map(keyed.words).joined(separator: "; "))
      }
      if outcome != "correct" {
        let title = outcome == "acceptable" ? "First choice" : "Answer"
        stepLines.append("  - \(title): " + keyed.answerInWords)
      }
      if outcome == "wrong" || outcome == "skipped" {
        stepLines.append("  - Why:")
        stepLines += keyed.reasons.map { "    - " + $0 }
      }
      if let points = keyed.points { stepLines.append("  - Points: " + Paragraphs.line(points)) }
      if let source = step.source { stepLines.append("  - Source: " + Paragraphs.line(source)) }
    }
    if !stepLines.isEmpty { lines += [""] + stepLines }
    return lines.joined(separator: "\n")
  }
}
