import Course
import Foundation
import Progress

extension Tutor {
  /// Shows the step at the learner's position, or closes the lesson at its end.
  mutating func showCurrentStep() -> Reply {
    guard case .studying(let study) = mode else { return Reply() }
    let lesson = course.lessons[study.lessonIndex]
    switch currentStep(study) {
    case .page(let index): return Reply(pageBlocks(lesson, index))
    case .question(let index): return Reply(questionBlocks(lesson, index))
    case .end:
      mode = .top
      return Reply(completionBlocks(lesson))
    }
  }

  func pageBlocks(_ lesson: Lesson, _ index: Int) -> [Block] {
    let page = lesson.pages[index]
    var blocks: [Block] = [
      .rule("\(page.title) (page \(index + 1)/\(lesson.pages.count))", right: ""),
      .paragraph([Span("Source: ", .dim), Span(page.source, .dim)]),
      .blank,
    ]
    blocks += [Block].paragraphs(of: page.text)
    blocks += [.blank, .text("[Enter] next · back · menu · help · quit", .dim)]
    return blocks
  }

  func questionBlocks(_ lesson: Lesson, _ index: Int) -> [Block] {
    let question = lesson.questions[index]
    var blocks: [Block] = [
      .rule("Check \(index + 1)/\(lesson.questions.count) · \(lesson.title)", right: ""),
      .text(question.stem, .strong),
    ]
    for option in question.options {
      blocks.append(.paragraph([Span("  \(option.id)) ", .accent), Span(option.text)], hang: 5))
    }
    blocks.append(.text(answerInstructions(for: question), .dim))
    return blocks
  }

  func answerInstructions(for question: Question) -> String {
    let extras = question.hint == nil ? "skip" : "hint · skip"
    switch question.kind {
    case .single: return "Answer with one letter · \(extras)"
    case .multiple: return "Choose every right option, e.g. `a c` · \(extras)"
    case .trueFalse: return "Answer t(rue) or f(alse) · \(extras)"
    }
  }

  /// Grades an answer, records it, moves on, and explains.
  mutating func answer(
    _ response: [String], to question: Question, in lesson: Lesson, _ study: Study
  )
    -> Reply
  {
    let now = clock()
    let key = Set(question.key)
    let chosen = Set(response)
    let correct = key == chosen
    log(
      Answer(
        item: lesson.itemID(of: question), response: response, correct: correct, at: now,
        durationMs: milliseconds(from: study.shownAt, to: now), hintsUsed: study.hintsUsed))
    setPosition(position(in: lesson) + 1, in: lesson)
    var reply = Reply(feedbackBlocks(question, chosen: chosen, correct: correct), saveNeeded: true)
    if position(in: lesson) >= lesson.stepCount {
      mode = .top
      reply.blocks += [.blank] + completionBlocks(lesson)
      reply.acknowledgement = ""
    } else {
      var updated = study
      updated.awaitingContinue = true
      mode = .studying(updated)
      reply.acknowledgement = "[Enter] next · back · menu"
    }
    return reply
  }

  func feedbackBlocks(_ question: Question, chosen: Set<String>, correct: Bool) -> [Block] {
    let key = Set(question.key)
    let keyList = question.key.sorted().joined(separator: " ")
    var blocks: [Block] = []
    if correct {
      blocks.append(.text("Correct.", .good))
    } else if question.kind == .multiple {
      let missed = key.subtracting(chosen).sorted()
      let wrong = chosen.subtracting(key).sorted()
      var parts: [String] = []
      if !missed.isEmpty { parts.append("missed \(missed.joined(separator: " "))") }
      if !wrong.isEmpty { parts.append("wrongly chose \(wrong.joined(separator: " "))") }
      blocks.append(
        .text("Not quite: you \(parts.joined(separator: " and ")). The answer is \(keyList).", .bad)
      )
    } else {
      blocks.append(.text("Not quite. The answer is \(keyList).", .bad))
    }
    // Explain every option the learner chose and every right one.
    for option in question.options where chosen.contains(option.id) || key.contains(option.id) {
      let isRight = key.contains(option.id)
      let missed = isRight && !chosen.contains(option.id) && !correct
      blocks.append(
        .paragraph(
          [
            Span("  \(isRight ? "✓" : "✗") \(option.id)) ", isRight ? .good : .bad),
            Span(option.text, .strong), Span(missed ? " (missed)" : "", .dim), Span(" — "),
            Span(option.explanation),
          ], hang: 7))
    }
    blocks += [
      .text(question.explanation),
      .paragraph([Span("Source: ", .dim), Span(question.source, .dim)]),
    ]
    return blocks
  }

  func completionBlocks(_ lesson: Lesson) -> [Block] {
    let score = latestScore(of: lesson)
    let next = course.lessons.first { $0.order > lesson.order }
    var blocks: [Block] = [
      .text(
        "Lesson complete: “\(lesson.title)”. \(score.correct)/\(lesson.questions.count) questions right.",
        .strong)
    ]
    if let next {
      let number = (course.lessons.firstIndex(of: next) ?? 0) + 1
      blocks.append(.text("Next: `study \(number)` (\(next.title)), or `lessons`.", .dim))
    } else {
      blocks.append(.text("That was the last lesson. `lessons` shows your progress.", .dim))
    }
    return blocks
  }

  /// Questions of `lesson` whose latest answer is right, and how many were answered at all.
  func latestScore(of lesson: Lesson) -> (correct: Int, answered: Int) {
    var correct = 0
    var answered = 0
    for question in lesson.questions {
      guard let last = session.items[lesson.itemID(of: question)]?.last else { continue }
      if last.correct { correct += 1 }
      if !last.skipped { answered += 1 }
    }
    return (correct, answered)
  }
}
