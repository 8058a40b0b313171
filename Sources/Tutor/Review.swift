import Cases
import Course
import Foundation
import Identifiers
import Progress

/// A review: a queue of items (check questions and authored case steps) asked one after
/// another, each graded and rescheduled.
struct Review: Activity {
  let queue: [ItemID]
  private(set) var index = 0
  /// Items answered right so far.
  private(set) var right = 0
  private(set) var onScreen: OnScreen

  /// The review of `pool`: the items due (oldest first), those answered wrongly last time, or
  /// those flagged; nil with what to say when there are none.
  static func start(_ pool: Pool, _ context: inout TutorContext) -> (Review?, Reply) {
    let now = context.now()
    let session = context.session
    let queue: [String]
    switch pool {
    case .due:
      queue = session.due(at: now).map(\.item)
    case .incorrect:
      queue = session.items.filter { $0.value.last.map { !$0.correct } ?? false }
        .sorted { ($0.value.last?.at ?? now) < ($1.value.last?.at ?? now) }.map(\.key)
    case .flagged:
      queue = session.items.filter { $0.value.flagged == true }.map(\.key).sorted()
    }
    let catalog = context.catalog
    let available = queue.map { ItemID($0) }.filter { catalog.resolve($0) != nil }
    guard !available.isEmpty else {
      if pool == .due, let next = session.due(at: now, within: 3_650 * 86_400).first {
        return (
          nil,
          Reply([
            .text("Nothing is due. The next item comes back \(whenText(next.due, now: now)).", .dim)
          ])
        )
      }
      return (
        nil, Reply([.text("No items \(pool.name). `study` or `quiz` brings new ones.", .dim)])
      )
    }
    var review = Review(queue: available, onScreen: OnScreen(shownAt: now))
    var reply = Reply([
      .text(
        "Review: \(available.count) item\(available.count == 1 ? "" : "s") \(pool.name).", .strong)
    ])
    reply.append(review.show(&context))
    return (review, reply)
  }

  /// Which items a review asks.
  enum Pool: Equatable {
    case due, incorrect, flagged

    /// How the pool is named on screen.
    var name: String {
      switch self {
      case .due: "due"
      case .incorrect: "answered wrongly last time"
      case .flagged: "flagged"
      }
    }
  }

  var prompt: String { onScreen.answered ? "review> " : "answer> " }

  var isOver: Bool { index >= queue.count }

  mutating func accept(_ line: String, _ context: inout TutorContext) -> Reply? {
    switch line.lowercased() {
    case "skip": return skip(&context)
    case "hint": return hint(context)
    case "next" where onScreen.answered, "n" where onScreen.answered: return goOn(&context)
    default: break
    }
    if onScreen.answered { return line.isEmpty ? goOn(&context) : nil }
    guard index < queue.count, let item = context.catalog.resolve(queue[index]) else {
      return nil
    }
    if line.isEmpty { return Reply([.text("Answer with a letter, or `skip`.", .dim)]) }
    switch item {
    case .question(_, let question):
      switch AnswerParser.parse(line, for: question) {
      case .answer(let response):
        let correct = Set(response) == Set(question.key)
        context.record(
          queue[index], response: response, verdict: .question(correct: correct),
          asked: onScreen, at: context.now())
        return reviewed(
          correct: correct,
          feedback: LessonScreens.feedback(question, chosen: Set(response), correct: correct),
          context)
      case .invalid(let message): return .error(message)
      case .notAnAnswer: return nil
      }
    case .caseStep(let clinicalCase, let step, _):
      guard case .success(let key) = step.answerKey() else { return nil }
      let response: [String]
      switch AnswerParser.parse(line, for: key, several: step.kind.allowsSeveral) {
      case .answer(let chosen): response = chosen
      case .invalid(let message): return .error(message)
      case .notAnAnswer: return nil
      }
      let verdict = CaseVerdict.grade(response, against: key, several: step.kind.allowsSeveral)
      context.record(
        queue[index], response: response, verdict: .caseStep(verdict.outcome), asked: onScreen,
        at: context.now())
      return reviewed(
        correct: verdict.outcome.isRight,
        feedback: CaseScreens.feedback(
          step, key: key, verdict: verdict, response: response, source: clinicalCase.source),
        context)
    }
  }

  func leave(_ context: TutorContext) -> String { "What you answered is saved; `review` goes on." }

  func item(_ context: TutorContext) -> ItemID? {
    queue.indices.contains(index) ? queue[index] : nil
  }

  /// Shows the item at the review's place, or the summary at its end.
  private mutating func show(_ context: inout TutorContext) -> Reply {
    while index < queue.count {
      var blocks: [Block]
      switch context.catalog.resolve(queue[index]) {
      case .question(let lesson, let question):
        let number = lesson.questions.firstIndex(of: question) ?? 0
        blocks = LessonScreens.question(lesson, number)
        blocks[0] = .rule("Review \(index + 1)/\(queue.count) · \(lesson.title)", right: "")
      case .caseStep(let item, let step, let position):
        let stage = item.stages[item.stageIndex(ofStep: position)]
        blocks = [
          .rule("Review \(index + 1)/\(queue.count) · case: \(item.title)", right: ""),
          .text(stage.title, .strong),
        ]
        blocks += [Block].paragraphs(of: stage.text) + [.blank] + CaseScreens.question(step)
      case nil:
        index += 1
        continue
      }
      onScreen = OnScreen(shownAt: context.now())
      return Reply(blocks)
    }
    return Reply([.text("Review done: \(right)/\(queue.count) right.", .strong)])
  }

  /// Enter after the feedback: the next item.
  private mutating func goOn(_ context: inout TutorContext) -> Reply {
    index += 1
    return show(&context)
  }

  /// After an answer: the feedback, when the item comes back, and Enter for more.
  private mutating func reviewed(correct: Bool, feedback: [Block], _ context: TutorContext)
    -> Reply
  {
    onScreen.answered = true
    right += correct ? 1 : 0
    var blocks = feedback
    if let due = context.session.record(of: queue[index])?.review?.due {
      blocks.append(
        .paragraph([
          Span("Comes back ", .accent), Span(Self.whenText(due, now: context.now()) + "."),
        ]))
    }
    var reply = Reply(blocks, saveNeeded: true)
    reply.acknowledgement = "[Enter] next · menu"
    return reply
  }

  private mutating func skip(_ context: inout TutorContext) -> Reply {
    guard !onScreen.answered, queue.indices.contains(index) else {
      return onScreen.answered ? goOn(&context) : Reply()
    }
    context.record(
      queue[index], response: [], verdict: .skipped, asked: onScreen, at: context.now())
    var reply = Reply([.text("Skipped; it comes back soon.", .dim)], saveNeeded: true)
    reply.append(goOn(&context))
    return reply
  }

  private mutating func hint(_ context: TutorContext) -> Reply {
    guard !onScreen.answered, queue.indices.contains(index),
      case .question(_, let question) = context.catalog.resolve(queue[index]),
      let hint = question.hint
    else { return Reply([.text("No hint for this one.", .dim)]) }
    onScreen.hintsUsed += 1
    return Reply([.paragraph([Span("Hint: ", .accent), Span(hint)])])
  }

  /// `in 10 minutes`, `in 3 days (2026-11-30)`.
  static func whenText(_ date: Date, now: Date) -> String {
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
