import Clinical
import Course
import Foundation
import Progress

extension Tutor {
  /// Cases in a quiz when the learner does not say how many.
  static let defaultQuizLength = 5

  /// `quiz [--cases N] [--topic T] [--timed]`: a block of cases, authored first, then
  /// generated. With no options, an unfinished quiz resumes.
  mutating func quizCommand(_ arguments: [String]) -> Reply {
    let parsed: CaseArguments
    switch CaseArguments.parse(arguments) {
    case .failure(let error): return .error(error.message)
    case .success(let value): parsed = value
    }
    guard parsed.words.isEmpty else {
      return .error(
        "Usage: quiz [--cases N] [--topic \(CaseGenerator.topics.joined(separator: "|"))] [--timed]"
      )
    }
    if arguments.isEmpty, let quiz = session.quiz, let next = nextQuizCase(quiz) {
      guard clinicalCase(id: next) != nil else {
        // The course changed since the quiz was saved: resuming would fail every time.
        return .error(
          "Your unfinished quiz goes on with case '\(Diagnostic.printable(next))', which this "
            + "course no longer has. `quiz --cases \(Tutor.defaultQuizLength)` starts a new quiz "
            + "(any number of cases).")
      }
      var reply = Reply([
        .text(
          "Resuming your quiz: case \((quiz.cases.firstIndex(of: next) ?? 0) + 1) of \(quiz.cases.count).",
          .dim)
      ])
      reply.append(openCase(next, inQuiz: true))
      return reply
    }
    let ids = chooseQuizCases(count: parsed.count ?? Tutor.defaultQuizLength, topic: parsed.topic)
    let now = clock()
    updateSession { session in
      session.quiz = QuizProgress(
        cases: ids, topic: parsed.topic, timed: parsed.timed, started: now)
      // Every case of a new quiz starts from its first step (a place comes with an answer).
      for id in ids { session.cases[id] = nil }
    }
    var intro = "Quiz: \(ids.count) case\(ids.count == 1 ? "" : "s")"
    if let topic = parsed.topic { intro += " on \(topic)" }
    if parsed.timed { intro += ", \(Int(Tutor.timedStepSeconds)) s a step" }
    var reply = Reply(
      [.text(intro + ". `menu` pauses it; `quiz` resumes.", .strong)], saveNeeded: true)
    if let first = ids.first { reply.append(openCase(first, inQuiz: true)) }
    return reply
  }

  /// Authored cases first (those on the topic, unfinished before finished), then generated
  /// ones whose seeds follow from the learner's history, so each quiz brings new patients.
  func chooseQuizCases(count: Int, topic: String?) -> [String] {
    let authored = course.cases
      .filter { topic == nil || $0.tags.contains(topic ?? "") }
      .sorted {
        (session.cases[$0.id]?.completed == true ? 1 : 0)
          < (session.cases[$1.id]?.completed == true ? 1 : 0)
      }
      .map(\.id)
    var ids = Array(authored.prefix(count))
    var seed = UInt64(session.answerCount) &* 7919 &+ 17
    while ids.count < count {
      let id = "random:\(seed)" + (topic.map { ":\($0)" } ?? "")
      if !ids.contains(id) { ids.append(id) }
      seed &+= 1
    }
    return ids
  }

  func nextQuizCase(_ quiz: QuizProgress) -> String? {
    quiz.cases.first { session.cases[$0]?.completed != true }
  }

  /// Ends a case: its score, then the next quiz case or the quiz summary.
  mutating func finishCase(_ run: CaseRun) -> Reply {
    let item = run.clinicalCase
    let outcomes = session.cases[item.id]?.outcomes ?? [:]
    let right = outcomes.values.filter { $0 == "correct" }.count
    let acceptable = outcomes.values.filter { $0 == "acceptable" }.count
    var text = "Case complete: \(right + acceptable)/\(item.steps.count) steps right"
    if acceptable > 0 { text += " (\(acceptable) with an accepted alternative)" }
    var reply = Reply([.blank, .text(text + ".", .strong)])
    mode = .top
    guard run.inQuiz, let quiz = session.quiz else {
      reply.blocks.append(
        .text("`case random` brings a new patient; `quiz` a block of cases.", .dim))
      return reply
    }
    if let next = nextQuizCase(quiz) {
      reply.append(openCase(next, inQuiz: true))
      return reply
    }
    reply.blocks += quizSummary(quiz)
    updateSession { $0.quiz = nil }
    reply.saveNeeded = true
    return reply
  }

  /// Score per step kind and per topic, time taken, and the cases to revisit.
  func quizSummary(_ quiz: QuizProgress) -> [Block] {
    var byKind: [String: (right: Int, total: Int)] = [:]
    var byTopic: [String: (right: Int, total: Int)] = [:]
    var revisit: [String] = []
    var right = 0
    var total = 0
    for id in quiz.cases {
      guard let item = clinicalCase(id: id) else { continue }
      // A new quiz restarts its cases, so their outcomes are this quiz's answers.
      let outcomes = session.cases[id]?.outcomes ?? [:]
      var missedAny = false
      for step in item.steps {
        let ok = ["correct", "acceptable"].contains(outcomes[step.id] ?? "")
        missedAny = missedAny || !ok
        right += ok ? 1 : 0
        total += 1
        byKind[step.kind.rawValue, default: (0, 0)].right += ok ? 1 : 0
        byKind[step.kind.rawValue, default: (0, 0)].total += 1
        byTopic[step.kind.topic, default: (0, 0)].right += ok ? 1 : 0
        byTopic[step.kind.topic, default: (0, 0)].total += 1
      }
      if missedAny { revisit.append(id) }
    }
    let minutes = Int(clock().timeIntervalSince(quiz.started) / 60)
    let seconds = Int(clock().timeIntervalSince(quiz.started)) % 60
    var blocks: [Block] = [
      .blank, .rule("Quiz summary", right: ""),
      .text("Score: \(right)/\(total) steps right · time \(minutes) min \(seconds) s", .strong),
      .text("By step kind:", .strong),
    ]
    for (kind, score) in byKind.sorted(by: { $0.key < $1.key }) {
      blocks.append(.text("  \(kind.rightPadded(to: 20)) \(score.right)/\(score.total)"))
    }
    blocks.append(.text("By topic:", .strong))
    for (topic, score) in byTopic.sorted(by: { $0.key < $1.key }) {
      blocks.append(.text("  \(topic.rightPadded(to: 20)) \(score.right)/\(score.total)"))
    }
    if revisit.isEmpty {
      blocks.append(.text("Every step right: nothing to revisit.", .good))
    } else {
      blocks.append(
        .text("Revisit: " + revisit.map { "`case \($0)`" }.joined(separator: ", "), .accent))
    }
    return blocks
  }
}
