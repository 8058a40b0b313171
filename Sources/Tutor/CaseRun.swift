import Clinical
import Course
import Foundation
import Identifiers
import Progress

/// An open clinical case: its story told in stages, a step at a time, each answer graded by the
/// clinical engine.
///
/// The place lives in the session (the next unanswered step), so a case left halfway resumes
/// there. Alone, a case ends with its score; in a quiz it waits for Enter, and the quiz goes on.
struct CaseRun: Activity {
  /// Where the case is taken.
  enum Setting: Equatable {
    /// On its own (`case ID`).
    case alone
    /// As one of a quiz's cases; a timed quiz gives each step `Quiz.stepSeconds`.
    case quiz(timed: Bool)
  }

  let clinicalCase: ClinicalCase
  let setting: Setting
  /// "case 2 of 5" in a quiz: shown on every step.
  var quizPlace: String?
  private(set) var onScreen: OnScreen
  private(set) var isOver = false
  /// The clock, read for the time left in a timed quiz's prompt.
  let clock: @Sendable () -> Date

  /// Opens the case `id` (authored or generated) at its next unanswered step, from the start
  /// when it was finished; or says why it cannot be opened. A case resumed halfway shows its
  /// story so far, every stage.
  static func open(
    _ id: CaseID, _ setting: Setting, quizPlace: String? = nil, _ context: inout TutorContext
  ) -> (CaseRun?, Reply) {
    guard let item = context.catalog.clinicalCase(id) else {
      return (
        nil,
        .error("No case '\(id)'. `case list` shows the authored cases; `case random` makes one.")
      )
    }
    guard !item.steps.isEmpty else {
      return (nil, .error("Case '\(item.id)' has no steps to ask."))
    }
    let now = context.now()
    // A case gets its place in the session with its first answer (`advance`): opening one
    // and leaving it leaves nothing behind. A finished one starts afresh.
    if context.session.progress(of: item.id)?.completed == true {
      context.updateSession { $0.setProgress(nil, of: item.id) }
    }
    let position = context.session.position(in: item.id)
    var run = CaseRun(
      clinicalCase: item, setting: setting, quizPlace: quizPlace, onScreen: OnScreen(shownAt: now),
      clock: context.clock)
    var title = "Case: \(item.title)"
    if let quizPlace { title = "Quiz, \(quizPlace) · " + title }
    var reply = Reply(
      [
        .rule(title, right: ""),
        .paragraph([Span("Source: ", .dim), Span(item.source, .dim)]),
      ], saveNeeded: true)
    if position > 0 {
      reply.blocks.append(
        .text("Resuming at step \(position + 1) of \(item.steps.count); the story so far:", .dim))
    }
    reply.append(run.showStep(withStory: true, &context))
    return (run, reply)
  }

  /// Seconds a step may take, when the setting is a timed quiz.
  private var limit: Double? { setting == .quiz(timed: true) ? Quiz.stepSeconds : nil }

  var prompt: String {
    if onScreen.answered { return "case> " }
    guard let limit else { return "answer> " }
    let left = max(0, Int((limit - clock().timeIntervalSince(onScreen.shownAt)).rounded(.up)))
    return left > 0 ? "answer (\(left) s left)> " : "answer (over time)> "
  }

  mutating func accept(_ line: String, _ context: inout TutorContext) -> Reply? {
    switch Tutor.commandName(in: line) {
    case "skip", "reveal": return reveal(&context)
    case "story": return story(context)
    case "repeat": return repeatStep(context)
    case "hint":
      return Reply([.text("Case steps have no hints; `story` shows the case so far.", .dim)])
    case "back":
      return Reply([
        .text(
          "A graded step stays answered; `story` shows the case so far, `repeat` the step.", .dim)
      ])
    case "next" where onScreen.answered: return showStep(withStory: false, &context)
    default: break
    }
    if onScreen.answered { return line.isEmpty ? showStep(withStory: false, &context) : nil }
    let position = context.session.position(in: clinicalCase.id)
    guard position < clinicalCase.steps.count,
      case .success(let key) = clinicalCase.steps[position].answerKey()
    else { return nil }
    let step = clinicalCase.steps[position]
    let shown = shownChoices(step, key, context)
    if line.isEmpty { return Reply([.text(shown.howToAnswer, .dim)]) }
    switch AnswerParser.parse(line, forStep: shown) {
    case .answer(let response):
      return answer(step, response: response, key: key, shown: shown, &context)
    case .invalid(let message): return .error(message)
    case .notAnAnswer:
      return Tutor.commandName(in: line) == nil ? .error(shown.howToAnswer) : nil
    }
  }

  func leave(_ context: TutorContext) -> String {
    let resume = setting == .alone ? "`case \(clinicalCase.id)`" : "`quiz`"
    return "Your answers are kept; \(resume) resumes."
  }

  func item(_ context: TutorContext) -> ItemID? {
    let position = context.session.position(in: clinicalCase.id) - (onScreen.answered ? 1 : 0)
    guard clinicalCase.steps.indices.contains(position) else { return nil }
    return clinicalCase.itemID(of: clinicalCase.steps[position])
  }

  func completion(_ context: TutorContext) -> ActivityCompletion {
    let position = context.session.position(in: clinicalCase.id)
    guard !onScreen.answered, position < clinicalCase.steps.count,
      case .success(let key) = clinicalCase.steps[position].answerKey()
    else { return .commands(lessonCommands: false, answers: []) }
    // The letters, and the choices' own one-word labels (G1, IIIa, T2), as answers are typed.
    let labels = key.choices.map(\.label).filter { !$0.contains(" ") }
    return .commands(
      lessonCommands: false,
      answers: shownChoices(clinicalCase.steps[position], key, context).letters + labels)
  }

  /// The choices of `step` as this learner sees them.
  private func shownChoices(_ step: CaseStep, _ key: CaseAnswerKey, _ context: TutorContext)
    -> ShownChoices
  {
    ShownChoices(
      key, several: step.kind.allowsSeveral, learner: context.session.learner,
      item: clinicalCase.itemID(of: step))
  }

  /// The step at `position` with its lettered choices.
  private func stepScreen(_ position: Int, _ context: TutorContext) -> [Block] {
    let step = clinicalCase.steps[position]
    var caption = "Step \(position + 1)/\(clinicalCase.steps.count)"
    if let quizPlace { caption += " · \(quizPlace)" }
    if let limit { caption += " · \(Int(limit)) s" }
    let shown = try? step.answerKey().get()
    return [.blank, .rule(caption, right: "")]
      + CaseScreens.question(step, shown: shown.map { shownChoices(step, $0, context) })
  }

  /// Shows the step at the case's place, with the story so far when asked or with its stage's
  /// story when the step opens a new stage; past the last step, the score.
  private mutating func showStep(withStory: Bool, _ context: inout TutorContext) -> Reply {
    let position = context.session.position(in: clinicalCase.id)
    guard position < clinicalCase.steps.count else { return finish(context) }
    var blocks: [Block] = []
    if withStory {
      blocks += CaseScreens.story(clinicalCase, upTo: position)
    } else if clinicalCase.startsStage(position) {
      let stage = clinicalCase.stages[clinicalCase.stageIndex(ofStep: position)]
      blocks += [.blank, .text(stage.title, .strong)] + [Block].paragraphs(of: stage.text)
    }
    blocks += stepScreen(position, context)
    onScreen = OnScreen(shownAt: context.now())
    return Reply(blocks)
  }

  /// `story`: every stage told so far, then the step on screen.
  private func story(_ context: TutorContext) -> Reply {
    let position = context.session.position(in: clinicalCase.id) - (onScreen.answered ? 1 : 0)
    var blocks = CaseScreens.story(clinicalCase, upTo: max(0, position))
    if !onScreen.answered && position < clinicalCase.steps.count {
      blocks += stepScreen(position, context)
    }
    return Reply(blocks)
  }

  /// `repeat`: the step on screen again (after an answer, the step answered).
  private func repeatStep(_ context: TutorContext) -> Reply {
    let position = context.session.position(in: clinicalCase.id) - (onScreen.answered ? 1 : 0)
    guard clinicalCase.steps.indices.contains(position) else { return Reply() }
    return Reply(stepScreen(position, context))
  }

  /// Grades, records and explains an answer to a case step, then moves on. In a timed quiz
  /// an answer over the limit counts as wrong, and is said to be right but late when it was.
  private mutating func answer(
    _ step: CaseStep, response: [String], key: CaseAnswerKey, shown: ShownChoices,
    _ context: inout TutorContext
  ) -> Reply {
    let now = context.now()
    let verdict = CaseVerdict.grade(response, against: key, several: step.kind.allowsSeveral)
    let seconds = now.timeIntervalSince(onScreen.shownAt)
    var timing = CaseScreens.Timing.inTime
    var outcome = verdict.outcome
    if let limit, seconds > limit {
      timing = .overTime(seconds: Int(seconds), limit: Int(limit))
      outcome = .wrong
    }
    context.record(
      clinicalCase.itemID(of: step), response: response, verdict: .caseStep(outcome),
      asked: onScreen, at: now)
    advance(past: step, outcome: outcome, now: now, &context)
    context.lastFacts = step.facts
    let blocks = CaseScreens.feedback(
      step, key: key, shown: shown, verdict: verdict, response: response,
      source: clinicalCase.source, timing: timing)
    return afterFeedback(blocks, &context)
  }

  /// The feedback, then the score at a lone case's end, or Enter for more.
  private mutating func afterFeedback(_ blocks: [Block], _ context: inout TutorContext) -> Reply {
    onScreen.answered = true
    var reply = Reply(blocks, saveNeeded: true)
    let finished = context.session.progress(of: clinicalCase.id)?.completed == true
    if finished && setting == .alone {
      reply.append(finish(context))
      reply.acknowledgement = ""
    } else {
      reply.acknowledgement =
        finished ? "[Enter] next case · menu" : "[Enter] next · story · repeat · menu"
    }
    return reply
  }

  private func advance(
    past step: CaseStep, outcome: Outcome, now: Date, _ context: inout TutorContext
  ) {
    let item = clinicalCase
    context.updateSession { session in
      var progress = session.progress(of: item.id) ?? CaseProgress(started: now, updated: now)
      progress.position += 1
      progress.outcomes[step.id] = outcome
      progress.updated = now
      if progress.position >= item.steps.count { progress.completed = true }
      session.setProgress(progress, of: item.id)
    }
  }

  /// `reveal` or `skip`: the answer is shown and explained, and the step is recorded as
  /// skipped (not known).
  private mutating func reveal(_ context: inout TutorContext) -> Reply {
    let position = context.session.position(in: clinicalCase.id)
    guard !onScreen.answered, position < clinicalCase.steps.count else {
      return showStep(withStory: false, &context)
    }
    let now = context.now()
    let step = clinicalCase.steps[position]
    context.record(
      clinicalCase.itemID(of: step), response: [], verdict: .skipped, asked: onScreen, at: now)
    advance(past: step, outcome: .skipped, now: now, &context)
    guard case .success(let key) = step.answerKey() else {
      var reply = Reply([.text("Skipped.", .dim)], saveNeeded: true)
      reply.append(showStep(withStory: false, &context))
      return reply
    }
    let blocks = CaseScreens.feedback(
      step, key: key, shown: shownChoices(step, key, context),
      verdict: CaseVerdict.grade([], against: key, several: step.kind.allowsSeveral),
      response: [], source: clinicalCase.source, timing: .revealed)
    return afterFeedback(blocks, &context)
  }

  /// Ends the case with its score.
  private mutating func finish(_ context: TutorContext) -> Reply {
    isOver = true
    let outcomes = context.session.progress(of: clinicalCase.id)?.outcomes ?? [:]
    let right = outcomes.values.filter { $0 == .correct }.count
    let acceptable = outcomes.values.filter { $0 == .acceptable }.count
    var text = "Case complete: \(right + acceptable)/\(clinicalCase.steps.count) steps right"
    if acceptable > 0 { text += " (\(acceptable) with an accepted alternative)" }
    var reply = Reply([.blank, .text(text + ".", .strong)])
    if setting == .alone {
      reply.blocks.append(
        .text("`case random` brings a new patient; `quiz` a block of cases.", .dim))
    }
    return reply
  }
}
