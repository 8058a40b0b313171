import Clinical
import Course
import Foundation
import Identifiers
import Progress

/// The end of a quiz: the score per step kind and per topic, the time taken, and the cases to
/// revisit.
struct QuizSummary {
  let quiz: QuizProgress
  let context: TutorContext

  func blocks(now: Date) -> [Block] {
    var byKind: [String: (right: Int, total: Int)] = [:]
    var byTopic: [String: (right: Int, total: Int)] = [:]
    var revisit: [CaseID] = []
    var right = 0
    var total = 0
    for id in quiz.cases {
      guard let item = context.catalog.clinicalCase(id) else { continue }
      // A new quiz restarts its cases, so their outcomes are this quiz's answers.
      let outcomes = context.session.progress(of: id)?.outcomes ?? [:]
      var missedAny = false
      for step in item.steps {
        let ok = outcomes[step.id]?.isRight ?? false
        missedAny = missedAny || !ok
        right += ok ? 1 : 0
        total += 1
        byKind[step.kind.rawValue, default: (0, 0)].right += ok ? 1 : 0
        byKind[step.kind.rawValue, default: (0, 0)].total += 1
        byTopic[step.kind.topic.rawValue, default: (0, 0)].right += ok ? 1 : 0
        byTopic[step.kind.topic.rawValue, default: (0, 0)].total += 1
      }
      if missedAny { revisit.append(id) }
    }
    let minutes = Int(now.timeIntervalSince(quiz.started) / 60)
    let seconds = Int(now.timeIntervalSince(quiz.started)) % 60
    var blocks: [Block] = [
      .blank, .rule("Quiz summary", right: ""),
      .text("Score: \(right)/\(total) steps right · time \(minutes) min \(seconds) s", .strong),
      .text("By step kind:", .strong),
    ]
    for (kind, score) in byKind.sorted(by: { $0.key < $1.key }) {
      blocks.append(
        .row([
          Span("  \(ClinicalWords.stepKind(kind).fitted(to: 26)) \(score.right)/\(score.total)")
        ]))
    }
    blocks.append(.text("By topic:", .strong))
    for (topic, score) in byTopic.sorted(by: { $0.key < $1.key }) {
      blocks.append(
        .row([
          Span("  \(ClinicalWords.stepKind(topic).fitted(to: 26)) \(score.right)/\(score.total)")
        ]))
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
