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

  static func question(_ lesson: Lesson, _ index: Int) -> [Block] {
    let question = lesson.questions[index]
    var blocks: [Block] = [
      .rule("Check \(index + 1)/\(lesson.questions.count) · \(lesson.title)", right: ""),
      .text(question.stem, .strong),
    ]
    for option in question.options {
      blocks.append(.paragraph([Span("  \(option.id)) ", .accent), Span(option.text)], hang: 5))
    }
    blocks.append(.text(instructions(for: question), .dim))
    return blocks
  }

  static func instructions(for question: Question) -> String {
    let extras = question.hint == nil ? "skip" : "hint · skip"
    switch question.kind {
    case .single: return "Answer with one letter · \(extras)"
    case .multiple: return "Choose every right option, e.g. `a c` · \(extras)"
    case .trueFalse: return "Answer t(rue) or f(alse) · \(extras)"
    }
  }

  /// Whether the answer was right, then every option chosen or right, explained.
  static func feedback(_ question: Question, chosen: Set<String>, correct: Bool) -> [Block] {
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

  /// The lesson's score and what to study next.
  static func completion(_ lesson: Lesson, course: Course, session: Session) -> [Block] {
    let score = session.latestScore(of: lesson)
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
}

extension AnswerParser {
  /// Reads an answer to a check question.
  static func parse(_ line: String, for question: Question) -> Result {
    parse(
      line,
      for: QuestionView(
        optionIDs: question.options.map(\.id), allowsSeveral: question.kind == .multiple,
        isTrueFalse: question.kind == .trueFalse))
  }
}
