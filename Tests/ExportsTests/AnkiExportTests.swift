import Course
import Testing

@testable import Exports

@Suite("Anki export")
struct AnkiExportTests {
  let notes = AnkiExport.notes(of: ExportFixture.course)

  @Test func theHeadersNameTheGUIDNoteTypeDeckAndTagsColumns() {
    let lines = AnkiExport.text(of: ExportFixture.course).split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines.prefix(7) == [
        "#separator:tab", "#html:true",
        "#columns:GUID\tNote type\tDeck\tTags\tQuestion (Text)\tOptions (Page)\t"
          + "Answer (Source)\tExplanation (Lesson)\tSource\tLesson",
        "#guid column:1", "#notetype column:2", "#deck column:3", "#tags column:4",
      ])
    // Three questions, two cloze sentences and the two keyed steps; the unkeyed step is out.
    #expect(lines.count == 7 + 7 + 1)
    #expect(lines.dropFirst(7).dropLast().allSatisfy { $0.split(separator: "\t").count >= 8 })
    #expect(lines.last == "")
  }

  @Test func everyQuestionClozeAndKeyedStepIsANoteWithAStableGUID() {
    #expect(
      notes.map(\.guid) == [
        "nelm:grading/g1", "nelm:grading/g2", "nelm:grading/g3",
        "nelm:grading/page-1/cloze-1", "nelm:grading/page-1/cloze-2",
        "nelm:case/ileal/first", "nelm:case/ileal/grade",
      ])
    #expect(
      notes.map(\.noteType.name)
        == ["nelm", "nelm", "nelm", "nelm cloze", "nelm cloze", "nelm", "nelm"])
  }

  @Test func aQuestionNoteFillsEachFieldOfTheNoteType() {
    let note = notes[1]
    #expect(
      note[field: "Question"]
        == "Which two measures set the grade?<br><i>Choose every right option.</i>")
    #expect(note[field: "Options"] == "a) Ki-67<br>b) Size &gt; 2 cm<br>c) Mitoses")
    #expect(note[field: "Answer"] == "a) Ki-67; c) Mitoses")
    #expect(
      note[field: "Explanation"]
        == "a) Ki-67: Yes.<br>b) Size &gt; 2 cm: Size sets T, not grade.<br>c) Mitoses: Yes."
        + "<br><br>Ki-67 and mitoses set the grade.<br><br>The higher grade wins.")
    #expect(note[field: "Source"] == "ENETS 2006")
    #expect(note[field: "Lesson"] == "Grading &amp; staging")
  }

  @Test func decksAreNamedByLessonIdAndTagsAreHierarchical() {
    #expect(
      notes.map(\.deck)
        == Array(repeating: "nelm::grading", count: 5) + ["nelm::cases", "nelm::cases"])
    let version = notes[0].tags.last ?? ""
    #expect(version.wholeMatch(of: /nelm::v[0-9a-f]{8}/) != nil)
    #expect(
      notes[1].tags == [
        "nelm::lesson::grading", "nelm::topic::grading",
        "nelm::topic::measures", version,
      ])
    #expect(notes[2].tags == ["nelm::lesson::grading", version])
    #expect(notes[3].tags == ["nelm::lesson::grading", version])
    #expect(notes[6].tags == ["nelm::case::ileal", "nelm::topic::treatment", version])
  }

  @Test func theVersionTagChangesWithAnyCardAndOnlyThen() {
    var course = ExportFixture.course
    let version = { (course: Course) in AnkiExport.notes(of: course)[0].tags.last }
    #expect(version(course) == version(ExportFixture.course))
    course.lessons[0].questions[2].explanation += " Always."
    #expect(version(course) != version(ExportFixture.course))
    // A page's text reaches no card unless it holds a cloze sentence.
    course = ExportFixture.course
    course.lessons[0].pages[1].text += " More."
    #expect(version(course) == version(ExportFixture.course))
  }

  @Test func aClozeNoteKeepsTheMarkupAndShowsItsPageOnTheBack() {
    let note = notes[4]
    #expect(note[field: "Text"] == "{{c1::3–20 %::range}} is {{c2::G2}}.")
    #expect(note[field: "Page"] == "<b>Ki-67</b><br>Ki-67 sets the grade: 3–20 % is G2.")
    #expect(note[field: "Source"] == "WHO 2010")
    #expect(note[field: "Lesson"] == "Grading &amp; staging")
    // Four fields, padded to the file's six field columns.
    #expect(note.row.split(separator: "\t", omittingEmptySubsequences: false).count == 10)
  }

  @Test func aCaseStepNoteTellsTheStoryUpToItsStageThenTheEnginesAnswer() {
    let note = notes[6]
    #expect(
      note[field: "Question"]
        == "<div class=\"nelm-stage\"><div class=\"nelm-stage-title\">Presentation</div>"
        + "A 61-year-old man has flushing.<br><br>CT shows liver lesions.</div>"
        + "<div class=\"nelm-stage\"><div class=\"nelm-stage-title\">Pathology</div>"
        + "Ki-67 4 %.</div><div class=\"nelm-ask\">What is the grade (ENETS/WHO 2010)?</div>")
    #expect(note[field: "Options"] == "a) G1<br>b) G2<br>c) G3")
    #expect(note[field: "Answer"] == "b) G2")
    #expect(
      note[field: "Explanation"]
        == "Why:<br>• grade: Ki-67 4 % → G2; mitoses 1/10 HPF → G1; the higher grade wins → G2 "
        + "(ENETS 2006/2007; WHO 2010)")
    #expect(note[field: "Source"] == "WHO 2010")
    #expect(note[field: "Lesson"] == "Flushing and a nodular liver")
  }

  @Test func theFirstStepShowsOnlyItsOwnStageAndTheAuthorsPoints() {
    let note = notes[5]
    #expect(note[field: "Question"]?.components(separatedBy: "nelm-stage-title").count == 2)
    #expect(
      note[field: "Answer"] == "b) US-guided fine-needle biopsy (FNB) for histology and Ki-67")
    #expect(note[field: "Explanation"]?.hasPrefix("Why:<br>• D1: ") == true)
    #expect(note[field: "Explanation"]?.hasSuffix("<br><br>Histology first.") == true)
    #expect(note[field: "Source"] == "Frilling et al., HPB 2010, Figure 3")
  }

  @Test func aRowIsTheGUIDTypeDeckTagsThenFieldsOnOneLine() {
    let note = AnkiNote(
      guid: "nelm:x/y", noteType: .cloze, fields: ["F", "B\tb\nc", "S", "L"],
      deck: "nelm::A\tB", tags: ["t1", "t2"])
    #expect(note.row == "nelm:x/y\tnelm cloze\tnelm::A B\tt1 t2\tF\tB b c\tS\tL\t\t")
  }

  @Test func theNoteTypesHaveTheFieldsTheirTemplatesUse() {
    for noteType in AnkiNoteType.all {
      let templates = noteType.templates.map { $0.front + $0.back }.joined()
      let used = Set(
        templates.matches(of: /\{\{(?:[#\/]|cloze:)?([A-Za-z]+)\}\}/).map {
          String($0.1)
        })
      #expect(used.subtracting(["FrontSide"]) == Set(noteType.fields), "\(noteType.name)")
      #expect(noteType.css.contains("text-align: left"))
    }
    #expect(AnkiNoteType.cloze.templates[0].front.contains("{{cloze:Text}}"))
  }

  @Test(arguments: [
    ("a < b & \"c\" > d", "a &lt; b &amp; &quot;c&quot; &gt; d"),
    ("tab\there", "tab here"),
    ("line\nbreak\r\nend", "line break end"),
    ("plain, 'quoted' ±", "plain, 'quoted' ±"),
  ])
  func escaping(text: String, html: String) {
    #expect(HTMLText.escape(text) == html)
  }

  @Test(arguments: [
    ("One\nparagraph.\n\nTwo.\n", "One paragraph.<br><br>Two."),
    ("  indented\n  lines  \n\n\n\nafter gaps", "indented lines<br><br>after gaps"),
    ("", ""),
  ])
  func paragraphs(text: String, html: String) {
    #expect(HTMLText.paragraphs(text) == html)
  }

  @Test(arguments: [
    ("grading", "grading"), ("Parts::of a topic", "Parts:of_a_topic"), ("two words", "two_words"),
  ])
  func tagLevels(text: String, level: String) {
    #expect(AnkiNote.tagLevel(text) == level)
  }
}
