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
      queue = context.dueItems(at: now).map(\.rawValue)
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
    switch Tutor.commandName(in: line) {
    case "skip", "reveal": return reveal(&context)
    case "hint": return hint(context)
    case "repeat", "story": return Reply(screen(context) ?? [])
    case "next" where onScreen.answered: return goOn(&context)
    default: break
    }
    if onScreen.answered { return line.isEmpty ? goOn(&context) : nil }
    guard index < queue.count, let item = context.catalog.resolve(queue[index]) else {
      return nil
    }
    let learner = context.session.learner
    switch item {
    case .question(let lesson, let question):
      let shown = ShownChoices(question, of: lesson, learner: learner)
      if line.isEmpty { return Reply([.text(shown.howToAnswer, .dim)]) }
      switch AnswerParser.parse(line, for: shown) {
      case .answer(let response):
        let correct = Set(response) == Set(question.key)
        context.record(
          queue[index], response: response, verdict: .question(correct: correct),
          asked: onScreen, at: context.now())
        return reviewed(
          correct: correct,
          feedback: LessonScreens.feedback(
            question, shown: shown, chosen: Set(response), verdict: .answered(correct: correct)),
          context)
      case .invalid(let message): return .error(message)
      case .notAnAnswer:
        return Tutor.commandName(in: line) == nil ? .error(shown.howToAnswer) : nil
      }
    case .caseStep(let clinicalCase, let step, _):
      guard case .success(let key) = step.answerKey() else { return nil }
      let shown = ShownChoices(
        key, several: step.kind.allowsSeveral, learner: learner, item: queue[index])
      if line.isEmpty { return Reply([.text(shown.howToAnswer, .dim)]) }
      let response: [String]
      switch AnswerParser.parse(line, forStep: shown) {
      case .answer(let chosen): response = chosen
      case .invalid(let message): return .error(message)
      case .notAnAnswer:
        return Tutor.commandName(in: line) == nil ? .error(shown.howToAnswer) : nil
      }
      let verdict = CaseVerdict.grade(response, against: key, several: step.kind.allowsSeveral)
      context.record(
        queue[index], response: response, verdict: .caseStep(verdict.outcome), asked: onScreen,
        at: context.now())
      return reviewed(
        correct: verdict.outcome.isRight,
        feedback: CaseScreens.feedback(
          step, key: key, shown: shown, verdict: verdict, response: response,
          source: clinicalCase.source),
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
      guard let blocks = screen(context) else {
        index += 1
        continue
      }
      onScreen = OnScreen(shownAt: context.now())
      return Reply(blocks)
    }
    return Reply([.text("Review done: \(right)/\(queue.count) right.", .strong)])
  }

  /// The item at the review's place: a question, or a case step after the whole story up to
  /// its stage (the answer may rest on any of them); nil when the course no longer has it.
  private func screen(_ context: TutorContext) -> [Block]? {
    guard queue.indices.contains(index) else { return nil }
    let learner = context.session.learner
    switch context.catalog.resolve(queue[index]) {
    case .question(let lesson, let question):
      let number = lesson.questions.firstIndex(of: question) ?? 0
      var blocks = LessonScreens.question(
        lesson, number, shown: ShownChoices(question, of: lesson, learner: learner))
      blocks[0] = .rule("Review \(index + 1)/\(queue.count) · \(lesson.title)", right: "")
      return blocks
    case .caseStep(let item, let step, let position):
      let shown = (try? step.answerKey().get()).map {
        ShownChoices($0, several: step.kind.allowsSeveral, learner: learner, item: queue[index])
      }
      return [.rule("Review \(index + 1)/\(queue.count) · case: \(item.title)", right: "")]
        + CaseScreens.story(item, upTo: position) + [.blank]
        + CaseScreens.question(step, shown: shown)
    case nil:
      return nil
    }
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

  /// `reveal` or `skip`: the answer shown and explained, recorded as not known.
  private mutating func reveal(_ context: inout TutorContext) -> Reply {
    guard !onScreen.answered, queue.indices.contains(index) else {
      return onScreen.answered ? goOn(&context) : Reply()
    }
    context.record(
      queue[index], response: [], verdict: .skipped, asked: onScreen, at: context.now())
    let learner = context.session.learner
    let feedback: [Block]
    switch context.catalog.resolve(queue[index]) {
    case .question(let lesson, let question):
      feedback = LessonScreens.feedback(
        question, shown: ShownChoices(question, of: lesson, learner: learner), chosen: [],
        verdict: .revealed)
    case .caseStep(let item, let step, _):
      guard case .success(let key) = step.answerKey() else { return goOn(&context) }
      feedback = CaseScreens.feedback(
        step, key: key,
        shown: ShownChoices(
          key, several: step.kind.allowsSeveral, learner: learner, item: queue[index]),
        verdict: CaseVerdict.grade([], against: key, several: step.kind.allowsSeveral),
        response: [], source: item.source, timing: .revealed)
    case nil:
      return goOn(&context)
    }
    return reviewed(correct: false, feedback: feedback, context)
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
