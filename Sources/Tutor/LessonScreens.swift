import Course
import Progress

/// The screens of a lesson: a page, a check question, the feedback on an answer, and the
/// lesson's end. Pure: blocks from the course and the session.
enum LessonScreens {
  /// What a lesson opens with: its summary, what the learner will be able to do, and about
  /// how long it takes (reading at 200 words a minute, and half a minute a question).
  static func overview(_ lesson: Lesson) -> [Block] {
    let words = lesson.pages.reduce(0) { $0 + $1.text.split(whereSeparator: \.isWhitespace).count }
    let minutes = max(1, Int((Double(words) / 200 + Double(lesson.questions.count) / 2).rounded()))
    var blocks: [Block] = [.rule(lesson.title, right: ""), .text(lesson.summary)]
    if !lesson.objectives.isEmpty {
      blocks.append(.text("You will be able to:", .strong))
      blocks += lesson.objectives.map { .paragraph([Span("  • "), Span($0)], hang: 4) }
    }
    blocks += [
      .text(
        "About \(minutes) min: \(lesson.pages.count) page\(lesson.pages.count == 1 ? "" : "s"), "
          + "\(lesson.questions.count) question\(lesson.questions.count == 1 ? "" : "s").",
        .dim),
      .blank,
    ]
    return blocks
  }

  static func page(_ lesson: Lesson, _ index: Int) -> [Block] {
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

  /// Check question `index` of `lesson`, its options as `shown`.
  static func question(_ lesson: Lesson, _ index: Int, shown: ShownChoices) -> [Block] {
    let question = lesson.questions[index]
    var blocks: [Block] = [
      .rule("Check \(index + 1)/\(lesson.questions.count) · \(lesson.title)", right: ""),
      .text(question.stem, .strong),
    ]
    for (letter, choice) in zip(shown.letters, shown.choices) {
      blocks.append(.paragraph([Span("  \(letter)) ", .accent), Span(choice.label)], hang: 5))
    }
    blocks.append(.text(instructions(for: question, shown: shown), .dim))
    return blocks
  }

  static func instructions(for question: Question, shown: ShownChoices) -> String {
    let extras = question.hint == nil ? "reveal · skip" : "hint · reveal · skip"
    switch question.kind {
    case .single: return "Answer with a letter \(shown.letterRange) · \(extras)"
    case .multiple: return "Choose every right option, e.g. `a c` · \(extras)"
    case .trueFalse: return "Answer t(rue) or f(alse) · \(extras)"
    }
  }

  /// How an answer to a check question went: given, or shown on request (`reveal`, `skip`).
  enum Verdict: Equatable {
    case answered(correct: Bool)
    case revealed
  }

  /// Whether the answer was right (or the key, when it was revealed), then every option
  /// explained: the ones chosen first, then the others in the order shown.
  static func feedback(
    _ question: Question, shown: ShownChoices, chosen: Set<String>, verdict: Verdict
  ) -> [Block] {
    let key = Set(question.key)
    let keyList = shown.choices.filter { key.contains($0.id) }.map { shown.shown($0.id) }
      .joined(separator: "; ")
    func letters(_ ids: Set<String>) -> String {
      shown.choices.filter { ids.contains($0.id) }.compactMap { shown.letter(of: $0.id) }
        .joined(separator: " ")
    }
    var blocks: [Block] = []
    switch verdict {
    case .answered(correct: true):
      blocks.append(.text("Correct.", .good))
    case .answered(correct: false) where question.kind == .multiple:
      let missed = key.subtracting(chosen)
      let wrong = chosen.subtracting(key)
      var parts: [String] = []
      if !missed.isEmpty { parts.append("missed \(letters(missed))") }
      if !wrong.isEmpty { parts.append("wrongly chose \(letters(wrong))") }
      blocks.append(
        .text("Not quite: you \(parts.joined(separator: " and ")). The answer: \(keyList).", .bad))
    case .answered(correct: false):
      blocks.append(.text("Not quite. The answer is \(keyList).", .bad))
    case .revealed:
      blocks.append(.text("The answer is \(keyList). Counted as not known yet.", .accent))
    }
    let ordered =
      shown.choices.filter { chosen.contains($0.id) }
      + shown.choices.filter { !chosen.contains($0.id) }
    let correct = verdict == .answered(correct: true)
    for choice in ordered {
      guard let option = question.options.first(where: { $0.id == choice.id }) else { continue }
      let isRight = key.contains(option.id)
      var note = ""
      if chosen.contains(option.id) {
        note = " (your answer)"
      } else if isRight && !correct && verdict != .revealed {
        note = " (missed)"
      }
      blocks.append(
        .paragraph(
          [
            Span(
              "  \(isRight ? "✓" : "✗") \(shown.letter(of: option.id) ?? option.id)) ",
              isRight ? .good : .bad),
            Span(option.text, .strong), Span(note, .dim), Span(" — "), Span(option.explanation),
          ], hang: 7))
    }
    blocks += [
      .text(question.explanation),
      .paragraph([Span("Source: ", .dim), Span(question.source, .dim)]),
    ]
    return blocks
  }

  /// The lesson's score and what to study next.
  static func completion(_ lesson: Lesson, course: Course, session: Session) -> [Block] {
    let score = session.latestScore(of: lesson)
    let next = course.lessons.first { $0.order > lesson.order }
    var blocks: [Block] = [
      .text(
        "Lesson complete: “\(lesson.title)”. \(score.correct)/\(lesson.questions.count) questions right.",
        .strong)
    ]
    let missed = lesson.questions.enumerated().filter { _, question in
      session.record(of: lesson.itemID(of: question))?.last?.correct != true
    }
    if !missed.isEmpty {
      blocks.append(.text("Not yet right:", .strong))
      for (index, question) in missed {
        blocks.append(
          .paragraph([Span("  • Check \(index + 1): ", .dim), Span(question.stem)], hang: 4))
      }
      blocks.append(.text("`review incorrect` asks them again.", .accent))
    }
    if let next {
      let number = (course.lessons.firstIndex(of: next) ?? 0) + 1
      blocks.append(.text("Next: `study \(number)` (\(next.title)), or `lessons`.", .dim))
    } else {
      blocks.append(.text("That was the last lesson. `lessons` shows your progress.", .dim))
    }
    return blocks
  }
}
