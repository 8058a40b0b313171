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
  private(set) var onScreen: OnScreen
  private(set) var isOver = false

  /// Opens the case `id` (authored or generated) at its next unanswered step, from the start
  /// when it was finished; or says why it cannot be opened.
  static func open(_ id: CaseID, _ setting: Setting, _ context: inout TutorContext)
    -> (CaseRun?, Reply)
  {
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
    context.updateSession { session in
      if session.progress(of: item.id)?.completed ?? true {
        session.setProgress(CaseProgress(started: now, updated: now), of: item.id)
      }
    }
    let position = context.session.position(in: item.id)
    var run = CaseRun(clinicalCase: item, setting: setting, onScreen: OnScreen(shownAt: now))
    var reply = Reply(
      [
        .rule("Case: \(item.title)", right: ""),
        .paragraph([Span("Source: ", .dim), Span(item.source, .dim)]),
      ], saveNeeded: true)
    if position > 0 {
      reply.blocks.append(.text("Resuming at step \(position + 1) of \(item.steps.count).", .dim))
    }
    reply.append(run.showStep(withStory: true, &context))
    return (run, reply)
  }

  var prompt: String { onScreen.answered ? "case> " : "answer> " }

  mutating func accept(_ line: String, _ context: inout TutorContext) -> Reply? {
    switch line.lowercased() {
    case "skip": return skip(&context)
    case "next" where onScreen.answered, "n" where onScreen.answered:
      return showStep(withStory: false, &context)
    default: break
    }
    if onScreen.answered { return line.isEmpty ? showStep(withStory: false, &context) : nil }
    let position = context.session.position(in: clinicalCase.id)
    guard position < clinicalCase.steps.count,
      case .success(let key) = clinicalCase.steps[position].answerKey()
    else { return nil }
    let step = clinicalCase.steps[position]
    if line.isEmpty {
      return Reply([.text("Answer with the letter of your choice, or `skip`.", .dim)])
    }
    switch AnswerParser.parse(line, for: key, several: step.kind.allowsSeveral) {
    case .answer(let response): return answer(step, response: response, key: key, &context)
    case .invalid(let message): return .error(message)
    case .notAnAnswer: return nil
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
      lessonCommands: false, answers: key.choices.indices.map(CaseScreens.letter) + labels)
  }

  /// Shows the step at the case's place, with its stage's story when asked or when the step
  /// opens a new stage; past the last step, the score.
  private mutating func showStep(withStory: Bool, _ context: inout TutorContext) -> Reply {
    let position = context.session.position(in: clinicalCase.id)
    guard position < clinicalCase.steps.count else { return finish(context) }
    var blocks: [Block] = []
    if withStory || clinicalCase.startsStage(position) {
      let stage = clinicalCase.stages[clinicalCase.stageIndex(ofStep: position)]
      blocks += [.blank, .text(stage.title, .strong)] + [Block].paragraphs(of: stage.text)
    }
    blocks += [.blank, .rule("Step \(position + 1)/\(clinicalCase.steps.count)", right: "")]
    blocks += CaseScreens.question(clinicalCase.steps[position])
    onScreen = OnScreen(shownAt: context.now())
    return Reply(blocks)
  }

  /// Grades, records and explains an answer to a case step, then moves on.
  private mutating func answer(
    _ step: CaseStep, response: [String], key: CaseAnswerKey, _ context: inout TutorContext
  ) -> Reply {
    let now = context.now()
    var verdict = CaseVerdict.grade(response, against: key, several: step.kind.allowsSeveral)
    let seconds = now.timeIntervalSince(onScreen.shownAt)
    let overTime = setting == .quiz(timed: true) && seconds > Quiz.stepSeconds
    if overTime { verdict.outcome = .wrong }
    context.record(
      clinicalCase.itemID(of: step), response: response, verdict: .caseStep(verdict.outcome),
      asked: onScreen, at: now)
    advance(past: step, outcome: verdict.outcome, now: now, &context)
    context.lastFacts = step.facts
    var blocks = CaseScreens.feedback(
      step, key: key, verdict: verdict, response: response, source: clinicalCase.source)
    if overTime {
      blocks.insert(
        .text("Over time: \(Int(seconds)) s for a \(Int(Quiz.stepSeconds)) s step.", .bad), at: 0)
    }
    onScreen.answered = true
    var reply = Reply(blocks, saveNeeded: true)
    let finished = context.session.progress(of: clinicalCase.id)?.completed == true
    if finished && setting == .alone {
      reply.append(finish(context))
      reply.acknowledgement = ""
    } else {
      reply.acknowledgement = finished ? "[Enter] next case · menu" : "[Enter] next · menu"
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

  /// `skip`: recorded as skipped, and the next step comes.
  private mutating func skip(_ context: inout TutorContext) -> Reply {
    let position = context.session.position(in: clinicalCase.id)
    guard !onScreen.answered, position < clinicalCase.steps.count else {
      return showStep(withStory: false, &context)
    }
    let now = context.now()
    let step = clinicalCase.steps[position]
    context.record(
      clinicalCase.itemID(of: step), response: [], verdict: .skipped, asked: onScreen, at: now)
    advance(past: step, outcome: .skipped, now: now, &context)
    var reply = Reply([.text("Skipped.", .dim)], saveNeeded: true)
    reply.append(showStep(withStory: false, &context))
    return reply
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
