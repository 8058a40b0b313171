import Clinical
import Course

/// The screens of a case step: its question with the lettered choices, and the feedback on an
/// answer, explained by the engine's trace. Shared by cases, quizzes and reviews.
enum CaseScreens {
  /// The "what if", the question and the choices as `shown`.
  static func question(_ step: CaseStep, shown: ShownChoices?) -> [Block] {
    var blocks: [Block] = []
    if let whatIf = step.whatIf {
      blocks.append(.paragraph([Span("What if: ", .accent), Span(whatIf + "?")]))
    }
    blocks.append(.text(step.kind.question, .strong))
    switch step.answerKey() {
    case .failure(let problem):
      blocks.append(.text("This step cannot be graded: \(problem.message). Type `skip`.", .bad))
    case .success:
      guard let shown else { break }
      for (letter, choice) in zip(shown.letters, shown.choices) {
        blocks.append(.paragraph([Span("  \(letter)) ", .accent), Span(choice.label)], hang: 5))
      }
      let instructions =
        step.kind.allowsSeveral
        ? "Choose every right option, e.g. `a c`, or `none` · reveal · story · menu"
        : "Answer with a letter \(shown.letterRange) · reveal · story · menu"
      blocks.append(.text(instructions, .dim))
    }
    return blocks
  }

  /// The stories of every stage up to the one that holds step `position`: what the learner
  /// knows of the patient when that step is asked.
  static func story(_ clinicalCase: ClinicalCase, upTo position: Int) -> [Block] {
    let last = clinicalCase.stageIndex(ofStep: position)
    var blocks: [Block] = []
    for stage in clinicalCase.stages.prefix(last + 1) {
      blocks += [.blank, .text(stage.title, .strong)] + [Block].paragraphs(of: stage.text)
    }
    return blocks
  }

  /// How a case step was left: answered in time, answered over a timed quiz's limit, or
  /// revealed (`reveal`, `skip`).
  enum Timing: Equatable {
    case inTime
    case overTime(seconds: Int, limit: Int)
    case revealed
  }

  /// The verdict, the right answer, why (the trace lines about this kind of step), the
  /// author's points and the source.
  static func feedback(
    _ step: CaseStep, key: CaseAnswerKey, shown: ShownChoices, verdict: CaseVerdict,
    response: [String], source: String, timing: Timing = .inTime
  ) -> [Block] {
    func label(_ id: String) -> String { shown.shown(id) }
    let answer = key.correct.isEmpty ? "none" : key.correct.map(label).joined(separator: "; ")
    var blocks: [Block] = []
    switch timing {
    case .revealed:
      blocks.append(.text("The answer: \(answer). Counted as not known yet.", .accent))
    case .overTime(let seconds, let limit) where verdict.outcome.isRight:
      blocks.append(
        .text(
          "Right, but over time: \(seconds) s for a \(limit) s step, so a timed quiz counts it "
            + "as not right.", .bad))
    case .overTime(let seconds, let limit):
      blocks.append(.text("Over time: \(seconds) s for a \(limit) s step.", .bad))
    case .inTime: break
    }
    switch verdict.outcome {
    case _ where timing == .revealed: break
    case _ where verdict.outcome.isRight && timing != .inTime: break
    case .correct:
      blocks.append(.text("Correct.", .good))
    case .acceptable:
      let chosen = response.first.map(label) ?? ""
      blocks.append(
        .text(
          "Acceptable: \(chosen) is an alternative the algorithm accepts. Its first choice is \(answer).",
          .good))
    case _ where step.kind.allowsSeveral:
      var parts: [String] = []
      if !verdict.missed.isEmpty {
        parts.append("missed \(verdict.missed.map(label).joined(separator: "; "))")
      }
      if !verdict.extra.isEmpty {
        parts.append("wrongly chose \(verdict.extra.map(label).joined(separator: "; "))")
      }
      blocks.append(
        .text("Not quite: you \(parts.joined(separator: ", and ")). The answer: \(answer).", .bad))
    case _ where verdict.contraindicated:
      let chosen = response.first.map(label) ?? ""
      blocks.append(
        .text("Not this one: \(chosen) is contraindicated here. The answer: \(answer).", .bad))
    default:
      blocks.append(.text("Not the best choice. The answer: \(answer).", .bad))
    }
    if !key.acceptable.isEmpty && verdict.outcome == .correct {
      blocks.append(
        .text("Also accepted: \(key.acceptable.map(label).joined(separator: "; ")).", .dim))
    }
    let reasons = step.kind.reasons(in: key.assessment)
    let why = (reasons.isEmpty ? key.assessment.trace.map(\.text) : reasons)
      .map(ClinicalWords.learnerText)
    blocks.append(.text("Why:", .strong))
    blocks += why.map { .paragraph([Span("  • "), Span($0)], hang: 4) }
    if let points = step.points { blocks += [Block].paragraphs(of: points) }
    blocks.append(.paragraph([Span("Source: ", .dim), Span(step.source ?? source, .dim)]))
    return blocks
  }
}

extension AnswerParser {
  /// Reads an answer to a case step: its choices' letters or words, as their ids; `none` is
  /// the empty answer of a several-answer step.
  static func parse(_ line: String, forStep shown: ShownChoices) -> Result {
    if shown.allowsSeveral && line.lowercased() == "none" { return .answer([]) }
    return parse(line, for: shown, typedIDs: true)
  }
}
