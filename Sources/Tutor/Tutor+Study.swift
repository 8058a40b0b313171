import Course
import Foundation
import Progress

extension Tutor {
  func currentStep(_ study: Study) -> LessonStep {
    let lesson = course.lessons[study.lessonIndex]
    return LessonStep(position: position(in: lesson), in: lesson)
  }

  func position(in lesson: Lesson) -> Int {
    min(session.lessons[lesson.id]?.position ?? 0, lesson.stepCount)
  }

  mutating func setPosition(_ position: Int, in lesson: Lesson) {
    let now = clock()
    updateSession { session in
      var progress =
        session.lessons[lesson.id] ?? LessonProgress(started: now, updated: now)
      progress.position = position
      progress.updated = now
      if position >= lesson.stepCount { progress.completed = true }
      session.lessons[lesson.id] = progress
    }
  }

  /// `study [ID|NUMBER]`: opens a lesson where the learner left it.
  mutating func study(_ arguments: [String]) -> Reply {
    guard arguments.count <= 1 else { return .error("Usage: study ID|NUMBER") }
    let lesson: Lesson
    if let reference = arguments.first {
      guard let found = course.lesson(matching: reference) else {
        return .error(
          "No lesson '\(reference)'. `lessons` lists them (1–\(course.lessons.count)).")
      }
      lesson = found
    } else if let resumable = lastUnfinishedLesson() {
      lesson = resumable
    } else {
      return .error("Usage: study ID|NUMBER (for example `study 1`). `lessons` lists them.")
    }
    guard let index = course.lessons.firstIndex(where: { $0.id == lesson.id }) else {
      return .error("No lesson '\(lesson.id)'.")
    }
    var reply = Reply()
    if position(in: lesson) >= lesson.stepCount {
      setPosition(0, in: lesson)
      reply.saveNeeded = true
      reply.blocks += [
        .text("You have finished this lesson before; starting again from page 1.", .dim)
      ]
    } else if session.lessons[lesson.id] == nil {
      setPosition(0, in: lesson)
      reply.saveNeeded = true
    }
    mode = .studying(
      Study(lessonIndex: index, shownAt: clock(), hintsUsed: 0, awaitingContinue: false))
    reply.append(showCurrentStep())
    return reply
  }

  /// The unfinished lesson touched most recently.
  func lastUnfinishedLesson() -> Lesson? {
    // Without any lesson started there is nothing to look up, and no reason to wait for a
    // course still loading in the background.
    guard !session.lessons.isEmpty else { return nil }
    return course.lessons
      .compactMap { lesson in session.lessons[lesson.id].map { (lesson, $0) } }
      .filter { lesson, progress in progress.position < lesson.stepCount }
      .max { $0.1.updated < $1.1.updated }?.0
  }

  /// Handles a line inside a lesson when it is an answer or Enter; nil lets commands run.
  mutating func acceptInLesson(_ line: String, _ study: Study) -> Reply? {
    let lesson = course.lessons[study.lessonIndex]
    let step = currentStep(study)
    guard !study.awaitingContinue, case .question(let index) = step else {
      return line.isEmpty ? next(study) : nil
    }
    let question = lesson.questions[index]
    if line.isEmpty {
      return Reply([.text(answerInstructions(for: question), .dim)])
    }
    switch AnswerParser.parse(line, for: view(of: question)) {
    case .answer(let response): return answer(response, to: question, in: lesson, study)
    case .invalid(let message): return .error(message)
    case .notAnAnswer: return nil
    }
  }

  func view(of question: Question) -> QuestionView {
    QuestionView(
      optionIDs: question.options.map(\.id), allowsSeveral: question.kind == .multiple,
      isTrueFalse: question.kind == .trueFalse)
  }

  mutating func next(_ study: Study) -> Reply {
    let lesson = course.lessons[study.lessonIndex]
    if study.awaitingContinue {
      mode = .studying(
        Study(
          lessonIndex: study.lessonIndex, shownAt: clock(), hintsUsed: 0, awaitingContinue: false))
      return showCurrentStep()
    }
    if case .question = currentStep(study) {
      return .error("Answer the question first, or `skip` it.")
    }
    setPosition(position(in: lesson) + 1, in: lesson)
    var reply = Reply(saveNeeded: true)
    reply.append(showCurrentStep())
    return reply
  }

  mutating func back(_ study: Study) -> Reply {
    let lesson = course.lessons[study.lessonIndex]
    let current = position(in: lesson)
    guard current > 0 else {
      return Reply([.text("This is the first page of the lesson.", .dim)])
    }
    setPosition(current - 1, in: lesson)
    mode = .studying(
      Study(lessonIndex: study.lessonIndex, shownAt: clock(), hintsUsed: 0, awaitingContinue: false)
    )
    var reply = Reply(saveNeeded: true)
    reply.append(showCurrentStep())
    return reply
  }

  mutating func hint(_ study: Study) -> Reply {
    let lesson = course.lessons[study.lessonIndex]
    guard !study.awaitingContinue, case .question(let index) = currentStep(study) else {
      return Reply([.text("Hints belong to questions; press Enter to go on.", .dim)])
    }
    guard let hint = lesson.questions[index].hint else {
      return Reply([.text("No hint for this one. Reread the last page with `back`.", .dim)])
    }
    var updated = study
    updated.hintsUsed += 1
    mode = .studying(updated)
    return Reply([.paragraph([Span("Hint: ", .accent), Span(hint)])])
  }

  mutating func skip(_ study: Study) -> Reply {
    let lesson = course.lessons[study.lessonIndex]
    guard !study.awaitingContinue, case .question(let index) = currentStep(study) else {
      return next(study)
    }
    let question = lesson.questions[index]
    let now = clock()
    log(
      Answer(
        item: lesson.itemID(of: question), response: [], correct: false, skipped: true, at: now,
        durationMs: milliseconds(from: study.shownAt, to: now), hintsUsed: study.hintsUsed))
    setPosition(position(in: lesson) + 1, in: lesson)
    mode = .studying(
      Study(lessonIndex: study.lessonIndex, shownAt: now, hintsUsed: 0, awaitingContinue: false))
    var reply = Reply([.text("Skipped; it stays open in your record.", .dim)], saveNeeded: true)
    reply.append(showCurrentStep())
    return reply
  }

  /// "page 3/6" or "question 2/12": where the learner is in a lesson.
  func placeName(in lesson: Lesson) -> String {
    switch LessonStep(position: position(in: lesson), in: lesson) {
    case .page(let index): return "page \(index + 1)/\(lesson.pages.count)"
    case .question(let index): return "question \(index + 1)/\(lesson.questions.count)"
    case .end: return "the end"
    }
  }
}

func milliseconds(from start: Date, to end: Date) -> Int {
  max(0, Int((end.timeIntervalSince(start) * 1000).rounded()))
}
