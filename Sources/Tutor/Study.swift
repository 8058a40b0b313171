import Course
import Foundation
import Identifiers
import Progress

/// An open lesson: its pages, then its check questions, from the learner's place.
///
/// The place itself lives in the session, so a lesson left at any moment resumes there; the
/// activity keeps only what is not worth saving (the question's timing and hints).
struct Study: Activity {
  let lesson: Lesson
  /// The lesson's number in `lessons`, shown in the prompt.
  let number: Int
  /// The step at the learner's place, as last shown (the next one once an answer's feedback
  /// is on screen).
  private(set) var step: LessonStep
  private(set) var onScreen: OnScreen

  /// Opens `lesson` where the learner left it, or at `page` (from 1) when one is named; a
  /// finished lesson starts again from page 1. A lesson opened at its start shows its
  /// summary, objectives and time first.
  static func open(
    _ lesson: Lesson, number: Int, page: Int? = nil, _ context: inout TutorContext
  ) -> (Study, Reply) {
    var reply = Reply()
    if let page {
      context.setPosition(page - 1, in: lesson)
      reply.saveNeeded = true
    } else if context.session.position(in: lesson) >= lesson.stepCount {
      context.setPosition(0, in: lesson)
      reply.saveNeeded = true
      reply.blocks += [
        .text("You have finished this lesson before; starting again from page 1.", .dim)
      ]
    } else if context.session.lessons[lesson.id] == nil {
      context.setPosition(0, in: lesson)
      reply.saveNeeded = true
    }
    if context.session.position(in: lesson) == 0 { reply.blocks += LessonScreens.overview(lesson) }
    var study = Study(
      lesson: lesson, number: number, step: .end, onScreen: OnScreen(shownAt: context.now()))
    reply.append(study.show(&context))
    return (study, reply)
  }

  var prompt: String {
    if !onScreen.answered, case .question = step { return "answer> " }
    return "nelm \(number)> "
  }

  var isOver: Bool { step == .end }

  mutating func accept(_ line: String, _ context: inout TutorContext) -> Reply? {
    if !onScreen.answered, case .question(let index) = step {
      let question = lesson.questions[index]
      let shown = shownChoices(index, context)
      if line.isEmpty {
        return Reply([.text(LessonScreens.instructions(for: question, shown: shown), .dim)])
      }
      switch AnswerParser.parse(line, for: shown) {
      case .answer(let response): return answer(response, to: index, &context)
      case .invalid(let message): return .error(message)
      case .notAnAnswer:
        if Tutor.commandName(in: line) == nil { return .error(shown.howToAnswer) }
      }
    } else if line.isEmpty {
      return next(&context)
    }
    switch Tutor.commandName(in: line) {
    case "next": return next(&context)
    case "back": return back(&context)
    case "hint": return hint()
    case "skip": return skip(&context)
    case "reveal": return reveal(&context)
    case "repeat": return repeatStep(context)
    default: return nil
    }
  }

  func leave(_ context: TutorContext) -> String {
    "Your place in “\(lesson.title)” (\(context.session.placeName(in: lesson))) is kept; "
      + "`study` resumes it."
  }

  func item(_ context: TutorContext) -> ItemID? {
    let position = context.session.position(in: lesson) - (onScreen.answered ? 1 : 0)
    guard case .question(let index) = LessonStep(position: position, in: lesson) else {
      return nil
    }
    return lesson.itemID(of: lesson.questions[index])
  }

  func completion(_ context: TutorContext) -> ActivityCompletion {
    guard !onScreen.answered, case .question(let index) = step else {
      return .commands(lessonCommands: true, answers: [])
    }
    return .commands(lessonCommands: true, answers: shownChoices(index, context).letters)
  }

  /// The options of question `index` as this learner sees them.
  private func shownChoices(_ index: Int, _ context: TutorContext) -> ShownChoices {
    ShownChoices(lesson.questions[index], of: lesson, learner: context.session.learner)
  }

  /// Shows the step at the learner's place, or closes the lesson at its end.
  private mutating func show(_ context: inout TutorContext) -> Reply {
    step = context.session.step(in: lesson)
    onScreen = OnScreen(shownAt: context.now())
    switch step {
    case .page(let index): return Reply(LessonScreens.page(lesson, index))
    case .question(let index):
      return Reply(LessonScreens.question(lesson, index, shown: shownChoices(index, context)))
    case .end:
      return Reply(
        LessonScreens.completion(lesson, course: context.course, session: context.session))
    }
  }

  /// Grades an answer, records it, moves on, and explains.
  private mutating func answer(
    _ response: [String], to index: Int, _ context: inout TutorContext
  ) -> Reply {
    let question = lesson.questions[index]
    let correct = Set(question.key) == Set(response)
    context.record(
      lesson.itemID(of: question), response: response, verdict: .question(correct: correct),
      asked: onScreen, at: context.now())
    return moveOn(
      from: index, feedback: .answered(correct: correct), chosen: Set(response), &context)
  }

  /// After an answer or a reveal: the feedback, then Enter for the next step (or the lesson's
  /// end at once after its last question).
  private mutating func moveOn(
    from index: Int, feedback verdict: LessonScreens.Verdict, chosen: Set<String>,
    _ context: inout TutorContext
  ) -> Reply {
    context.setPosition(context.session.position(in: lesson) + 1, in: lesson)
    var reply = Reply(
      LessonScreens.feedback(
        lesson.questions[index], shown: shownChoices(index, context), chosen: chosen,
        verdict: verdict), saveNeeded: true)
    step = context.session.step(in: lesson)
    if step == .end {
      reply.blocks +=
        [.blank]
        + LessonScreens.completion(lesson, course: context.course, session: context.session)
      reply.acknowledgement = ""
    } else {
      onScreen.answered = true
      reply.acknowledgement = "[Enter] next · back · repeat · menu"
    }
    return reply
  }

  /// Enter or `next`: the next step once feedback is read, or the next page.
  private mutating func next(_ context: inout TutorContext) -> Reply {
    if onScreen.answered { return show(&context) }
    if case .question = step { return .error("Answer the question first, or `skip` it.") }
    context.setPosition(context.session.position(in: lesson) + 1, in: lesson)
    var reply = Reply(saveNeeded: true)
    reply.append(show(&context))
    return reply
  }

  private mutating func back(_ context: inout TutorContext) -> Reply {
    let current = context.session.position(in: lesson)
    guard current > 0 else {
      return Reply([.text("This is the first page of the lesson.", .dim)])
    }
    context.setPosition(current - 1, in: lesson)
    var reply = Reply(saveNeeded: true)
    reply.append(show(&context))
    return reply
  }

  private mutating func hint() -> Reply {
    guard !onScreen.answered, case .question(let index) = step else {
      return Reply([.text("Hints belong to questions; press Enter to go on.", .dim)])
    }
    guard let hint = lesson.questions[index].hint else {
      return Reply([.text("No hint for this one. Reread the last page with `back`.", .dim)])
    }
    onScreen.hintsUsed += 1
    return Reply([.paragraph([Span("Hint: ", .accent), Span(hint)])])
  }

  /// `skip`: the key is shown and the question counts as not known; a question answered
  /// before (reached again with `back`) keeps its answer and is passed over.
  private mutating func skip(_ context: inout TutorContext) -> Reply {
    guard !onScreen.answered, case .question(let index) = step else { return next(&context) }
    let item = lesson.itemID(of: lesson.questions[index])
    if let last = context.session.record(of: item)?.last, !last.skipped {
      context.setPosition(context.session.position(in: lesson) + 1, in: lesson)
      let verdict = last.correct ? "right" : "not right"
      var reply = Reply(
        [.text("Passed over; your earlier answer (\(verdict)) stands.", .dim)], saveNeeded: true)
      reply.append(show(&context))
      return reply
    }
    return reveal(&context)
  }

  /// `reveal`: shows the key with every option explained, and records the question as not
  /// known.
  private mutating func reveal(_ context: inout TutorContext) -> Reply {
    guard !onScreen.answered, case .question(let index) = step else {
      return Reply([.text("`reveal` shows the answer to the question on screen.", .dim)])
    }
    context.record(
      lesson.itemID(of: lesson.questions[index]), response: [], verdict: .skipped,
      asked: onScreen, at: context.now())
    return moveOn(from: index, feedback: .revealed, chosen: [], &context)
  }

  /// `repeat`: the page or question on screen again (after an answer, that question).
  private func repeatStep(_ context: TutorContext) -> Reply {
    let position = context.session.position(in: lesson) - (onScreen.answered ? 1 : 0)
    switch LessonStep(position: position, in: lesson) {
    case .page(let index): return Reply(LessonScreens.page(lesson, index))
    case .question(let index):
      return Reply(LessonScreens.question(lesson, index, shown: shownChoices(index, context)))
    case .end: return Reply([.text("The lesson is over; `lessons` shows where you are.", .dim)])
    }
  }
}
