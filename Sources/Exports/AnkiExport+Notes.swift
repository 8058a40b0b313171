import Course

extension AnkiExport {
  /// A check question's note: the stem and lettered options; the key; every option's
  /// explanation and the general one; the source and the lesson's title.
  static func note(for question: Question, in lesson: Lesson) -> AnkiNote {
    func option(_ option: Option) -> String {
      "\(HTMLText.escape(option.id))) \(HTMLText.line(option.text))"
    }
    var stem = HTMLText.line(question.stem)
    if question.kind == .multiple { stem += "<br><i>Choose every right option.</i>" }
    let key = question.options.filter { question.key.contains($0.id) }.map(option)
    let explanation =
      question.options.map { "\(option($0)): \(HTMLText.line($0.explanation))" }
      .joined(separator: "<br>") + "<br><br>" + HTMLText.paragraphs(question.explanation)
    return AnkiNote(
      guid: "nelm:" + lesson.itemID(of: question).rawValue, noteType: .question,
      fields: [
        stem, question.options.map(option).joined(separator: "<br>"),
        key.joined(separator: "; "), explanation, HTMLText.line(question.source),
        HTMLText.line(lesson.title),
      ],
      deck: deck(of: lesson),
      tags: unique(
        ["nelm::lesson::" + AnkiNote.tagLevel(lesson.id)]
          + question.tags.map { "nelm::topic::" + AnkiNote.tagLevel($0) }))
  }

  /// A case step's note: the story up to the step and its question, with the lettered
  /// choices; the engine's answer; the trace lines behind it and the author's points; the
  /// source and the case's title.
  static func note(for keyed: KeyedStep) -> AnkiNote {
    let clinicalCase = keyed.clinicalCase
    let story = keyed.storyStages.map { stage in
      "<div class=\"nelm-stage\"><div class=\"nelm-stage-title\">\(HTMLText.line(stage.title))"
        + "</div>\(HTMLText.paragraphs(stage.text))</div>"
    }
    var answer = HTMLText.escape(keyed.answer)
    if !keyed.alsoAccepted.isEmpty {
      answer += "<br>Also accepted: " + HTMLText.escape(keyed.alsoAccepted.joined(separator: "; "))
    }
    var why =
      "Why:<br>" + keyed.reasons.map { "• " + HTMLText.escape($0) }.joined(separator: "<br>")
    if let points = keyed.points { why += "<br><br>" + HTMLText.paragraphs(points) }
    return AnkiNote(
      guid: "nelm:" + clinicalCase.itemID(of: keyed.step).rawValue, noteType: .question,
      fields: [
        story.joined() + "<div class=\"nelm-ask\">\(HTMLText.line(keyed.question))</div>",
        keyed.choiceLines.map(HTMLText.escape).joined(separator: "<br>"), answer, why,
        HTMLText.line(keyed.source), HTMLText.line(clinicalCase.title),
      ],
      deck: "nelm::cases",
      tags: unique(
        ["nelm::case::" + AnkiNote.tagLevel(clinicalCase.id.rawValue)]
          + clinicalCase.tags.map { "nelm::topic::" + AnkiNote.tagLevel($0) }))
  }

  /// The cloze notes of a page's marked sentences: the sentence with its `{{cN::…}}`
  /// markup; the page it restates; the page's source and the lesson's title. The GUID names
  /// the lesson, the page's number and the sentence's.
  static func clozeNotes(for page: Page, number: Int, in lesson: Lesson) -> [AnkiNote] {
    let context = "<b>\(HTMLText.line(page.title))</b><br>" + HTMLText.paragraphs(page.text)
    return page.cloze.enumerated().map { index, sentence in
      AnkiNote(
        guid: "nelm:\(lesson.id)/page-\(number)/cloze-\(index + 1)", noteType: .cloze,
        fields: [
          HTMLText.line(sentence), context, HTMLText.line(page.source),
          HTMLText.line(lesson.title),
        ],
        deck: deck(of: lesson), tags: ["nelm::lesson::" + AnkiNote.tagLevel(lesson.id)])
    }
  }

  /// `nelm::<lesson id>`: named by id, so a retitled lesson keeps its deck.
  static func deck(of lesson: Lesson) -> String {
    "nelm::" + AnkiNote.tagLevel(lesson.id)
  }
}
