import Course

/// The course as an Anki import file: a note for every check question and for every step of
/// the authored cases.
///
/// The file is plain text with Anki's file headers (Anki 2.1.55 and later; see the manual's
/// "Text Files" page): tab-separated, HTML fields, the Basic note type, and columns for the
/// GUID, deck and tags, so one file fills one deck per lesson and re-importing it updates the
/// notes in place. Generated cases are one-off and are not exported.
public enum AnkiExport {
  /// The columns of every row, as the `#columns` header names them. `Front` and `Back` are
  /// the fields of Anki's Basic note type, which Anki matches by name.
  public static let columns = ["GUID", "Front", "Back", "Deck", "Tags"]

  /// The header lines, without line ends.
  public static let headers = [
    "#separator:tab",
    "#html:true",
    "#notetype:Basic",
    "#columns:" + columns.joined(separator: "\t"),
    "#guid column:1",
    "#deck column:4",
    "#tags column:5",
  ]

  /// Every note of the course: the questions lesson by lesson, then the cases' steps.
  /// A case step without an engine key (which `nelm lint` reports) is left out.
  public static func notes(of course: Course) -> [AnkiNote] {
    var notes: [AnkiNote] = []
    for lesson in course.lessons {
      notes += lesson.questions.map { note(for: $0, in: lesson) }
    }
    for clinicalCase in course.cases {
      for (index, step) in clinicalCase.steps.enumerated() {
        if let keyed = KeyedStep(clinicalCase, step, index: index) {
          notes.append(note(for: keyed))
        }
      }
    }
    return notes
  }

  /// The import file: the headers, then one line per note; it ends with a line break.
  public static func text(of course: Course) -> String {
    (headers + notes(of: course).map(\.row)).joined(separator: "\n") + "\n"
  }

  /// A check question's note: the stem and lettered options; on the back the key, every
  /// option's explanation, the general explanation and the source.
  static func note(for question: Question, in lesson: Lesson) -> AnkiNote {
    func option(_ option: Option) -> String {
      "\(HTMLText.escape(option.id))) \(HTMLText.line(option.text))"
    }
    var front = "<b>\(HTMLText.line(question.stem))</b><br><br>"
    front += question.options.map(option).joined(separator: "<br>")
    if question.kind == .multiple { front += "<br><br><i>Choose every right option.</i>" }
    let key = question.options.filter { question.key.contains($0.id) }.map(option)
    var back = "<b>Answer: \(key.joined(separator: "; "))</b><br><br>"
    back += question.options.map { "\(option($0)): \(HTMLText.line($0.explanation))" }
      .joined(separator: "<br>")
    back += "<br><br>" + HTMLText.paragraphs(question.explanation)
    back += "<br><br>Source: " + HTMLText.line(question.source)
    return AnkiNote(
      guid: "nelm:" + lesson.itemID(of: question), front: front, back: back,
      deck: "nelm::" + AnkiNote.deckLevel(lesson.title),
      tags: unique(["nelm", lesson.id] + question.tags))
  }

  /// A case step's note: the story up to the step and its question; on the back the
  /// engine's answer, the trace lines behind it, the author's points and the source.
  static func note(for keyed: KeyedStep) -> AnkiNote {
    let clinicalCase = keyed.clinicalCase
    var front = "<b>\(HTMLText.line(clinicalCase.title))</b>"
    for stage in keyed.storyStages {
      front += "<br><br><b>\(HTMLText.line(stage.title))</b><br>"
      front += HTMLText.paragraphs(stage.text)
    }
    front += "<br><br><b>\(HTMLText.line(keyed.question))</b><br>"
    front += keyed.choiceLines.map(HTMLText.escape).joined(separator: "<br>")
    var back = "<b>Answer: \(HTMLText.escape(keyed.answer))</b>"
    if !keyed.alsoAccepted.isEmpty {
      back += "<br>Also accepted: " + HTMLText.escape(keyed.alsoAccepted.joined(separator: "; "))
    }
    back +=
      "<br><br>Why:<br>"
      + keyed.reasons.map { "• " + HTMLText.escape($0) }
      .joined(separator: "<br>")
    if let points = keyed.points { back += "<br><br>" + HTMLText.paragraphs(points) }
    back += "<br><br>Source: " + HTMLText.line(keyed.source)
    return AnkiNote(
      guid: "nelm:" + clinicalCase.itemID(of: keyed.step), front: front, back: back,
      deck: "nelm::Cases::" + AnkiNote.deckLevel(clinicalCase.title),
      tags: unique(["nelm", "case", clinicalCase.id] + clinicalCase.tags))
  }

  private static func unique(_ tags: [String]) -> [String] {
    var seen: Set<String> = []
    return tags.map(AnkiNote.tag).filter { seen.insert($0).inserted }
  }
}
