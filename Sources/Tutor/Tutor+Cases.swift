import Clinical
import Course
import Foundation
import Progress

extension Tutor {
  /// Seconds a step may take in a timed quiz before its answer counts as wrong.
  static let timedStepSeconds: Double = 60

  /// An authored case, or a generated one (`random:SEED` or `random:SEED:TOPIC`).
  func clinicalCase(id: String) -> ClinicalCase? {
    if let authored = course.clinicalCase(id: id) { return authored }
    let parts = id.split(separator: ":").map(String.init)
    guard parts.count >= 2, parts[0] == "random", let seed = UInt64(parts[1]) else { return nil }
    let topic = parts.count > 2 ? parts[2] : nil
    if let topic, !CaseGenerator.topics.contains(topic) { return nil }
    var generated = CaseGenerator.generate(seed: seed, topic: topic)
    generated.id = id
    return generated
  }

  /// `case [list | ID | random [--seed N] [--topic T]]`.
  mutating func caseCommand(_ arguments: [String]) -> Reply {
    let parsed: CaseArguments
    switch CaseArguments.parse(arguments) {
    case .failure(let error): return .error(error.message)
    case .success(let value): parsed = value
    }
    switch parsed.words.first {
    case nil:
      if let id = lastUnfinishedCase() { return openCase(id, inQuiz: false) }
      return listCases()
    case "list":
      return listCases()
    case "random":
      let seed = parsed.seed ?? UInt64(clock().timeIntervalSince1970 * 1000) % 1_000_000
      let id = "random:\(seed)" + (parsed.topic.map { ":\($0)" } ?? "")
      return openCase(id, inQuiz: false)
    case let id?:
      return openCase(id, inQuiz: false)
    }
  }

  func listCases() -> Reply {
    guard !course.cases.isEmpty else {
      return Reply([.text("No authored cases yet; `case random` makes one.", .dim)])
    }
    var blocks: [Block] = []
    for item in course.cases {
      let progress = session.cases[item.id]
      let status =
        progress?.completed == true
        ? "done" : progress.map { "step \($0.position + 1)/\(item.steps.count)" } ?? "new"
      blocks.append(
        .paragraph(
          [
            Span(item.id, .accent), Span(" — \(item.title) "),
            Span("(\(status); \(item.tags.joined(separator: ", ")))", .dim),
          ], hang: 2))
    }
    blocks.append(.text("`case ID` opens one; `case random` makes a new patient.", .dim))
    return Reply(blocks)
  }

  /// The case touched most recently that still has steps to answer.
  func lastUnfinishedCase() -> String? {
    session.cases.filter { !$0.value.completed }.max { $0.value.updated < $1.value.updated }?.key
  }

  /// Opens a case at its next unanswered step (from the start when it was finished).
  mutating func openCase(_ id: String, inQuiz: Bool) -> Reply {
    guard let item = clinicalCase(id: id) else {
      return .error(
        "No case '\(id)'. `case list` shows the authored cases; `case random` makes one.")
    }
    guard !item.steps.isEmpty else { return .error("Case '\(id)' has no steps to ask.") }
    let now = clock()
    var reply = Reply(saveNeeded: true)
    // A case gets its place in the session with its first answer (`advanceCase`): opening one
    // and leaving it leaves nothing behind. A finished one starts afresh.
    if session.cases[id]?.completed == true { updateSession { $0.cases[id] = nil } }
    let position = session.cases[id]?.position ?? 0
    mode = .casing(
      CaseRun(clinicalCase: item, shownAt: now, awaitingContinue: false, inQuiz: inQuiz))
    reply.blocks += [
      .rule("Case: \(item.title)", right: ""),
      .paragraph([Span("Source: ", .dim), Span(item.source, .dim)]),
    ]
    if position > 0 {
      reply.blocks.append(.text("Resuming at step \(position + 1) of \(item.steps.count).", .dim))
    }
    reply.append(showCaseStep(withStory: true))
    return reply
  }

  /// Shows the step at the case's position, with its stage's story when asked or when the
  /// step opens a new stage.
  mutating func showCaseStep(withStory: Bool) -> Reply {
    guard case .casing(var run) = mode else { return Reply() }
    let item = run.clinicalCase
    let position = session.cases[item.id]?.position ?? 0
    guard position < item.steps.count else { return finishCase(run) }
    let step = item.steps[position]
    var blocks: [Block] = []
    if withStory || item.startsStage(position) {
      let stage = item.stages[item.stageIndex(ofStep: position)]
      blocks += [.blank, .text(stage.title, .strong)] + [Block].paragraphs(of: stage.text)
    }
    blocks += [.blank, .rule("Step \(position + 1)/\(item.steps.count)", right: "")]
    blocks += stepQuestionBlocks(step)
    run.shownAt = clock()
    run.awaitingContinue = false
    mode = .casing(run)
    return Reply(blocks)
  }

  /// A case step's question: the "what if", the question and the lettered choices.
  func stepQuestionBlocks(_ step: CaseStep) -> [Block] {
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
          .paragraph([Span("  \(Tutor.letter(index))) ", .accent), Span(choice.label)], hang: 5))
      }
      let instructions =
        step.kind.allowsSeveral
        ? "Choose every right option, e.g. `a c`, or `none` · skip · menu"
        : "Answer with one letter · skip · menu"
      blocks.append(.text(instructions, .dim))
    }
    return blocks
  }

  static func letter(_ index: Int) -> String {
    String(UnicodeScalar(UInt8(97 + index % 26)))
  }
}
