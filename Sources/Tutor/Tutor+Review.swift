import Course
import Foundation
import Progress

/// A review session: a queue of items asked one after another, each graded and rescheduled.
struct ReviewRun {
  var queue: [String]
  var index: Int
  var shownAt: Date
  var hintsUsed: Int
  /// Feedback is on screen; Enter shows the next item.
  var awaitingContinue: Bool
  var right: Int
}

/// A reviewable item found in the course.
enum ReviewItem {
  case question(Lesson, Int)
  case caseStep(ClinicalCase, CaseStep)
}

extension Tutor {
  /// The question or case step an item id names, if the course still has it.
  func reviewItem(_ id: String) -> ReviewItem? {
    let parts = id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if parts.count == 3, parts[0] == "case", let item = course.clinicalCase(id: parts[1]),
      let step = item.steps.first(where: { $0.id == parts[2] })
    {
      return .caseStep(item, step)
    }
    if parts.count == 2, let lesson = course.lessons.first(where: { $0.id == parts[0] }),
      let index = lesson.questions.firstIndex(where: { $0.id == parts[1] })
    {
      return .question(lesson, index)
    }
    return nil
  }

  /// `review [incorrect | flagged]`: the due items, oldest first; or the pools named.
  mutating func reviewCommand(_ arguments: [String]) -> Reply {
    let now = clock()
    let queue: [String]
    let name: String
    switch arguments {
    case []:
      queue = session.due(at: now).map(\.item)
      name = "due"
    case ["incorrect"]:
      queue = session.items.filter { $0.value.last.map { !$0.correct } ?? false }
        .sorted { ($0.value.last?.at ?? now) < ($1.value.last?.at ?? now) }.map(\.key)
      name = "answered wrongly last time"
    case ["flagged"]:
      queue = session.items.filter { $0.value.flagged == true }.map(\.key).sorted()
      name = "flagged"
    default:
      return .error("Usage: review [incorrect | flagged]")
    }
    let available = queue.filter { reviewItem($0) != nil }
    guard !available.isEmpty else {
      if arguments.isEmpty, let next = session.due(at: now, within: 3_650 * 86_400).first {
        return Reply([
          .text("Nothing is due. The next item comes back \(whenText(next.due, now: now)).", .dim)
        ])
      }
      return Reply([.text("No items \(name). `study` or `quiz` brings new ones.", .dim)])
    }
    mode = .reviewing(
      ReviewRun(
        queue: available, index: 0, shownAt: now, hintsUsed: 0, awaitingContinue: false, right: 0))
    var reply = Reply([
      .text("Review: \(available.count) item\(available.count == 1 ? "" : "s") \(name).", .strong)
    ])
    reply.append(showReviewItem())
    return reply
  }

  /// Shows the item at the review's position, or the summary at its end.
  mutating func showReviewItem() -> Reply {
    guard case .reviewing(var run) = mode else { return Reply() }
    guard run.index < run.queue.count else {
      mode = .top
      return Reply([.text("Review done: \(run.right)/\(run.queue.count) right.", .strong)])
    }
    var blocks: [Block]
    switch reviewItem(run.queue[run.index]) {
    case .question(let lesson, let index):
      blocks = questionBlocks(lesson, index)
      blocks[0] = .rule("Review \(run.index + 1)/\(run.queue.count) · \(lesson.title)", right: "")
    case .caseStep(let item, let step):
      let position = item.steps.firstIndex(of: step) ?? 0
      let stage = item.stages[item.stageIndex(ofStep: position)]
      blocks = [
        .rule("Review \(run.index + 1)/\(run.queue.count) · case: \(item.title)", right: ""),
        .text(stage.title, .strong),
      ]
      blocks += [Block].paragraphs(of: stage.text) + [.blank] + stepQuestionBlocks(step)
    case nil:
      run.index += 1
      mode = .reviewing(run)
      return showReviewItem()
    }
    run.shownAt = clock()
    run.hintsUsed = 0
    run.awaitingContinue = false
    mode = .reviewing(run)
    return Reply(blocks)
  }

  /// Handles a line during a review when it is an answer or Enter; nil lets commands run.
  mutating func acceptInReview(_ line: String, _ run: ReviewRun) -> Reply? {
    switch line.lowercased() {
    case "skip": return skipReviewItem(run)
    case "hint": return reviewHint(run)
    case "next" where run.awaitingContinue, "n" where run.awaitingContinue:
      return acceptInReview("", run)
    default: break
    }
    if run.awaitingContinue {
      guard line.isEmpty else { return nil }
      var next = run
      next.index += 1
      mode = .reviewing(next)
      return showReviewItem()
    }
    guard run.index < run.queue.count, let item = reviewItem(run.queue[run.index]) else {
      return nil
    }
    if line.isEmpty { return Reply([.text("Answer with a letter, or `skip`.", .dim)]) }
    switch item {
    case .question(let lesson, let index):
      let question = lesson.questions[index]
      switch AnswerParser.parse(line, for: view(of: question)) {
      case .answer(let response):
        let correct = Set(response) == Set(question.key)
        let now = clock()
        log(
          Answer(
            item: lesson.itemID(of: question), response: response, correct: correct, at: now,
            durationMs: milliseconds(from: run.shownAt, to: now), hintsUsed: run.hintsUsed))
        return reviewed(
          run, correct: correct,
          feedback: feedbackBlocks(question, chosen: Set(response), correct: correct))
      case .invalid(let message): return .error(message)
      case .notAnAnswer: return nil
      }
    case .caseStep(let clinical, let step):
      guard case .success(let key) = step.answerKey() else { return nil }
      let response: [String]
      switch AnswerParser.parse(line, for: key, several: step.kind.allowsSeveral) {
      case .answer(let chosen): response = chosen
      case .invalid(let message): return .error(message)
      case .notAnAnswer: return nil
      }
      let verdict = CaseVerdict.grade(response, against: key, several: step.kind.allowsSeveral)
      let now = clock()
      log(
        Answer(
          item: clinical.itemID(of: step), response: response.sorted(),
          correct: verdict.outcome != .wrong, at: now,
          durationMs: milliseconds(from: run.shownAt, to: now), hintsUsed: 0,
          outcome: verdict.outcome.rawValue))
      return reviewed(
        run, correct: verdict.outcome != .wrong,
        feedback: caseFeedback(
          step, key: key, verdict: verdict, response: response, source: clinical.source))
    }
  }

  /// After an answer in review: the feedback, when the item comes back, and Enter for more.
  private mutating func reviewed(_ run: ReviewRun, correct: Bool, feedback: [Block]) -> Reply {
    var next = run
    next.awaitingContinue = true
    next.right += correct ? 1 : 0
    mode = .reviewing(next)
    var blocks = feedback
    if let due = session.items[run.queue[run.index]]?.review?.due {
      blocks.append(
        .paragraph([Span("Comes back ", .accent), Span(whenText(due, now: clock()) + ".")]))
    }
    var reply = Reply(blocks, saveNeeded: true)
    reply.acknowledgement = "[Enter] next · menu"
    return reply
  }

  /// `in 10 minutes`, `in 3 days (2026-11-30)`.
  func whenText(_ date: Date, now: Date) -> String {
    let seconds = max(0, date.timeIntervalSince(now))
    let day = date.formatted(Date.ISO8601FormatStyle(timeZone: .current).year().month().day())
    switch seconds {
    case ..<60: return "now"
    case ..<3_600: return "in \(Int(seconds / 60)) minute\(Int(seconds / 60) == 1 ? "" : "s")"
    case ..<86_400: return "in \(Int(seconds / 3_600)) hour\(Int(seconds / 3_600) == 1 ? "" : "s")"
    default:
      let days = Int((seconds / 86_400).rounded())
      return "in \(days) day\(days == 1 ? "" : "s") (\(day))"
    }
  }
}

extension Tutor {
  /// The item on screen, or the one whose feedback is showing: what `flag` marks.
  var currentItem: String? {
    switch mode {
    case .studying(let study):
      let lesson = course.lessons[study.lessonIndex]
      let position = self.position(in: lesson) - (study.awaitingContinue ? 1 : 0)
      guard case .question(let index) = LessonStep(position: position, in: lesson) else {
        return nil
      }
      return lesson.itemID(of: lesson.questions[index])
    case .casing(let run):
      let position =
        (session.cases[run.clinicalCase.id]?.position ?? 0)
        - (run.awaitingContinue ? 1 : 0)
      guard run.clinicalCase.steps.indices.contains(position) else { return nil }
      return run.clinicalCase.itemID(of: run.clinicalCase.steps[position])
    case .reviewing(let run):
      return run.queue.indices.contains(run.index) ? run.queue[run.index] : nil
    default:
      return nil
    }
  }

  /// `flag`: marks the current item for `review flagged`; a second `flag` unmarks it.
  mutating func flagCommand() -> Reply {
    guard let item = currentItem, !item.hasPrefix("case/random:") else {
      return .error("`flag` marks the question or case step on screen; there is none now.")
    }
    let flagged = !(session.items[item]?.flagged ?? false)
    updateSession { session in
      var record = session.items[item] ?? ItemRecord()
      record.flagged = flagged ? true : nil
      session.items[item] = record
    }
    let text = flagged ? "Flagged: `review flagged` brings it back." : "Flag removed."
    return Reply([.text(text, .dim)], saveNeeded: true)
  }

  mutating func skipReviewItem(_ run: ReviewRun) -> Reply {
    guard !run.awaitingContinue, run.queue.indices.contains(run.index) else {
      return acceptInReview("", run) ?? Reply()
    }
    let now = clock()
    let item = run.queue[run.index]
    let outcome: String? = item.hasPrefix("case/") ? "skipped" : nil
    log(
      Answer(
        item: item, response: [], correct: false, skipped: true, at: now,
        durationMs: milliseconds(from: run.shownAt, to: now), hintsUsed: run.hintsUsed,
        outcome: outcome))
    var next = run
    next.index += 1
    mode = .reviewing(next)
    var reply = Reply([.text("Skipped; it comes back soon.", .dim)], saveNeeded: true)
    reply.append(showReviewItem())
    return reply
  }

  mutating func reviewHint(_ run: ReviewRun) -> Reply {
    guard !run.awaitingContinue, run.queue.indices.contains(run.index),
      case .question(let lesson, let index) = reviewItem(run.queue[run.index]),
      let hint = lesson.questions[index].hint
    else { return Reply([.text("No hint for this one.", .dim)]) }
    var next = run
    next.hintsUsed += 1
    mode = .reviewing(next)
    return Reply([.paragraph([Span("Hint: ", .accent), Span(hint)])])
  }
}

extension Tutor.Mode {
  /// A lesson, case, review or walk is open (what `menu` and Ctrl-C leave).
  var isActivity: Bool {
    switch self {
    case .top, .confirming: false
    default: true
    }
  }
}
