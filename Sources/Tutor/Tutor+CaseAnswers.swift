import Clinical
import Course
import Foundation
import Progress

extension Tutor {
  /// Handles a line while a case is open when it is an answer or Enter; nil lets commands run.
  mutating func acceptInCase(_ line: String, _ run: CaseRun) -> Reply? {
    switch line.lowercased() {
    case "skip": return skipCaseStep(run)
    case "next" where run.awaitingContinue, "n" where run.awaitingContinue:
      return showCaseStep(withStory: false)
    default: break
    }
    if run.awaitingContinue { return line.isEmpty ? showCaseStep(withStory: false) : nil }
    let item = run.clinicalCase
    let position = session.cases[item.id]?.position ?? 0
    guard position < item.steps.count, case .success(let key) = item.steps[position].answerKey()
    else { return nil }
    let step = item.steps[position]
    if line.isEmpty {
      return Reply([.text("Answer with the letter of your choice, or `skip`.", .dim)])
    }
    switch AnswerParser.parse(line, for: key, several: step.kind.allowsSeveral) {
    case .answer(let response): return answerCase(step, response: response, key: key, run)
    case .invalid(let message): return .error(message)
    case .notAnAnswer: return nil
    }
  }

  /// Grades, records and explains an answer to a case step, then moves on.
  mutating func answerCase(
    _ step: CaseStep, response: [String], key: CaseAnswerKey, _ run: CaseRun
  ) -> Reply {
    let now = clock()
    var verdict = CaseVerdict.grade(response, against: key, several: step.kind.allowsSeveral)
    let seconds = now.timeIntervalSince(run.shownAt)
    let overTime = run.inQuiz && session.quiz?.timed == true && seconds > Tutor.timedStepSeconds
    if overTime { verdict.outcome = .wrong }
    let item = run.clinicalCase
    log(
      Answer(
        item: item.itemID(of: step), response: response.sorted(),
        correct: verdict.outcome != .wrong, at: now,
        durationMs: milliseconds(from: run.shownAt, to: now), hintsUsed: 0,
        outcome: verdict.outcome.rawValue))
    advanceCase(item, step: step, outcome: verdict.outcome.rawValue, now: now)
    var blocks = caseFeedback(
      step, key: key, verdict: verdict, response: response, source: item.source)
    if overTime {
      blocks.insert(
        .text("Over time: \(Int(seconds)) s for a \(Int(Tutor.timedStepSeconds)) s step.", .bad),
        at: 0)
    }
    var updated = run
    updated.awaitingContinue = true
    mode = .casing(updated)
    let finished = session.cases[item.id]?.completed == true
    if finished && !run.inQuiz {
      var reply = Reply(blocks, saveNeeded: true)
      reply.append(finishCase(run))
      reply.acknowledgement = ""
      return reply
    }
    var reply = Reply(blocks, saveNeeded: true)
    reply.acknowledgement = finished ? "[Enter] next case · menu" : "[Enter] next · menu"
    return reply
  }

  mutating func advanceCase(_ item: ClinicalCase, step: CaseStep, outcome: String, now: Date) {
    updateSession { session in
      var progress = session.cases[item.id] ?? CaseProgress(started: now, updated: now)
      progress.position += 1
      progress.outcomes[step.id] = outcome
      progress.updated = now
      if progress.position >= item.steps.count { progress.completed = true }
      session.cases[item.id] = progress
    }
  }

  /// `skip` in a case: recorded as skipped, and the next step comes.
  mutating func skipCaseStep(_ run: CaseRun) -> Reply {
    let item = run.clinicalCase
    let position = session.cases[item.id]?.position ?? 0
    guard !run.awaitingContinue, position < item.steps.count else {
      return showCaseStep(withStory: false)
    }
    let now = clock()
    log(
      Answer(
        item: item.itemID(of: item.steps[position]), response: [], correct: false,
        skipped: true, at: now, durationMs: milliseconds(from: run.shownAt, to: now),
        hintsUsed: 0, outcome: "skipped"))
    advanceCase(item, step: item.steps[position], outcome: "skipped", now: now)
    var reply = Reply([.text("Skipped.", .dim)], saveNeeded: true)
    reply.append(showCaseStep(withStory: false))
    return reply
  }

  func caseFeedback(
    _ step: CaseStep, key: CaseAnswerKey, verdict: CaseVerdict, response: [String], source: String
  ) -> [Block] {
    func label(_ id: String) -> String {
      guard let index = key.choices.firstIndex(where: { $0.id == id }) else { return id }
      return "\(Tutor.letter(index))) \(key.choices[index].label)"
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
    case .wrong where step.kind.allowsSeveral:
      var parts: [String] = []
      if !verdict.missed.isEmpty {
        parts.append("missed \(verdict.missed.map(label).joined(separator: "; "))")
      }
      if !verdict.extra.isEmpty {
        parts.append("wrongly chose \(verdict.extra.map(label).joined(separator: "; "))")
      }
      blocks.append(
        .text("Not quite: you \(parts.joined(separator: ", and ")). The answer: \(answer).", .bad))
    case .wrong where verdict.contraindicated:
      let chosen = response.first.map(label) ?? ""
      blocks.append(
        .text("Not this one: \(chosen) is contraindicated here. The answer: \(answer).", .bad))
    case .wrong:
      blocks.append(.text("Not the best choice. The answer: \(answer).", .bad))
    }
    if !key.acceptable.isEmpty && verdict.outcome == .correct {
      blocks.append(
        .text("Also accepted: \(key.acceptable.map(label).joined(separator: "; ")).", .dim))
    }
    let reasons = step.kind.reasons(in: key.assessment)
    let why = reasons.isEmpty ? key.assessment.trace.map(\.text) : reasons
    blocks.append(.text("Why:", .strong))
    blocks += why.map { .paragraph([Span("  • "), Span($0)], hang: 4) }
    // Generated cases take their points from the trace: don't say the same thing twice.
    if let points = step.points, !why.contains(where: { points.contains($0) }) {
      blocks += [Block].paragraphs(of: points)
    }
    blocks.append(.paragraph([Span("Source: ", .dim), Span(step.source ?? source, .dim)]))
    return blocks
  }
}

extension Tutor.Mode {
  var caseRun: CaseRun? {
    if case .casing(let run) = self { return run }
    return nil
  }
}
