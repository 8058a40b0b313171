import Clinical
import Course

/// The screens of a case step: its question with the lettered choices, and the feedback on an
/// answer, explained by the engine's trace. Shared by cases, quizzes and reviews.
enum CaseScreens {
  /// The "what if", the question and the lettered choices.
  static func question(_ step: CaseStep) -> [Block] {
    var blocks: [Block] = []
    if let whatIf = step.whatIf {
      blocks.append(.paragraph([Span("What if: ", .accent), Span(whatIf + "?")]))
    }
    blocks.append(.text(step.kind.question, .strong))
    switch step.answerKey() {
    case .failure(let problem):
      blocks.append(.text("This step cannot be graded: \(problem.message). Type `skip`.", .bad))
    case .success(let key):
      for (index, choice) in key.choices.enumerated() {
        blocks.append(
          .paragraph([Span("  \(letter(index))) ", .accent), Span(choice.label)], hang: 5))
      }
      let instructions =
        step.kind.allowsSeveral
        ? "Choose every right option, e.g. `a c`, or `none` · skip · menu"
        : "Answer with one letter · skip · menu"
      blocks.append(.text(instructions, .dim))
    }
    return blocks
  }

  /// The letter of the choice at `index`: a, b, c…
  static func letter(_ index: Int) -> String {
    String(UnicodeScalar(UInt8(97 + index % 26)))
  }

  /// The verdict, the right answer, why (the trace lines about this kind of step), the
  /// author's points and the source.
  static func feedback(
    _ step: CaseStep, key: CaseAnswerKey, verdict: CaseVerdict, response: [String],
    source: String
  ) -> [Block] {
    func label(_ id: String) -> String {
      guard let index = key.choices.firstIndex(where: { $0.id == id }) else { return id }
      return "\(letter(index))) \(key.choices[index].label)"
    }
    let answer = key.correct.isEmpty ? "none" : key.correct.map(label).joined(separator: "; ")
    var blocks: [Block] = []
    switch verdict.outcome {
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
  /// Reads an answer to a case step: the letters of its choices, turned into the choices'
  /// ids; `none` is the empty answer of a several-answer step.
  static func parse(_ line: String, for key: CaseAnswerKey, several: Bool) -> Result {
    if several && line.lowercased() == "none" { return .answer([]) }
    let ids = key.choices.map(\.id)
    let letters = ids.indices.map(CaseScreens.letter)
    let view = QuestionView(optionIDs: letters, allowsSeveral: several, isTrueFalse: false)
    switch parse(line, for: view) {
    case .answer(let chosen):
      return .answer(chosen.compactMap { letter in letters.firstIndex(of: letter).map { ids[$0] } })
    case let other:
      return other
    }
  }
}
