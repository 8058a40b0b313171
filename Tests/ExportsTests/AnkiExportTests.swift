import Course
import Testing

@testable import Exports

@Suite("Anki export")
struct AnkiExportTests {
  let notes = AnkiExport.notes(of: ExportFixture.course)

  @Test func theHeadersAreAnkisFileHeaders() {
    let lines = AnkiExport.text(of: ExportFixture.course).split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines.prefix(7) == [
        "#separator:tab", "#html:true", "#notetype:Basic", "#columns:GUID\tFront\tBack\tDeck\tTags",
        "#guid column:1", "#deck column:4", "#tags column:5",
      ])
    // Three questions and the two keyed steps; the unkeyed case step is left out.
    #expect(lines.count == 7 + 5 + 1)
    #expect(lines.last == "")
  }

  @Test func everyQuestionAndKeyedStepIsANoteWithAStableGUID() {
    #expect(
      notes.map(\.guid) == [
        "nelm:grading/g1", "nelm:grading/g2", "nelm:grading/g3", "nelm:case/ileal/first",
        "nelm:case/ileal/grade",
      ])
  }

  @Test func aQuestionNoteShowsTheStemAndOptionsThenTheKeyAndWhy() {
    let note = notes[1]
    #expect(
      note.front
        == "<b>Which two measures set the grade?</b><br><br>a) Ki-67<br>b) Size &gt; 2 cm<br>"
        + "c) Mitoses<br><br><i>Choose every right option.</i>")
    #expect(
      note.back
        == "<b>Answer: a) Ki-67; c) Mitoses</b><br><br>a) Ki-67: Yes.<br>"
        + "b) Size &gt; 2 cm: Size sets T, not grade.<br>c) Mitoses: Yes.<br><br>"
        + "Ki-67 and mitoses set the grade.<br><br>The higher grade wins.<br><br>"
        + "Source: ENETS 2006")
    #expect(note.deck == "nelm::Grading & staging")
    #expect(note.tags == ["nelm", "grading", "measures"])
  }

  @Test func aSingleAnswerQuestionHasNoChooseEveryLine() {
    #expect(
      notes[0].front == "<b>Ki-67 12 %: grade?</b><br><br>a) G1<br>b) G2<br>c) G3")
    #expect(notes[2].tags == ["nelm", "grading"])
  }

  @Test func aCaseStepNoteTellsTheStoryUpToItsStageThenTheEnginesAnswer() {
    let note = notes[4]
    #expect(
      note.front
        == "<b>Flushing and a nodular liver</b><br><br><b>Presentation</b><br>"
        + "A 61-year-old man has flushing.<br><br>CT shows liver lesions.<br><br>"
        + "<b>Pathology</b><br>Ki-67 4 %.<br><br>"
        + "<b>What is the grade (ENETS/WHO 2010)?</b><br>a) G1<br>b) G2<br>c) G3")
    #expect(
      note.back
        == "<b>Answer: b) G2</b><br><br>Why:<br>"
        + "• grade: Ki-67 4 % → G2; mitoses 1/10 HPF → G1; the higher grade wins → G2 "
        + "(ENETS 2006/2007; WHO 2010)<br><br>Source: WHO 2010")
    #expect(note.deck == "nelm::Cases::Flushing and a nodular liver")
    #expect(note.tags == ["nelm", "case", "ileal", "treatment"])
  }

  @Test func theFirstStepShowsOnlyItsOwnStageAndTheAuthorsPoints() {
    let note = notes[3]
    #expect(
      note.front
        == "<b>Flushing and a nodular liver</b><br><br><b>Presentation</b><br>"
        + "A 61-year-old man has flushing.<br><br>CT shows liver lesions.<br><br>"
        + "<b>What is the next step?</b><br>a) curative hepatic resection ± RFA<br>"
        + "b) US-guided fine-needle biopsy (FNB) for histology and Ki-67<br>"
        + "c) staging with SRS or 68Ga-DOTATOC PET/CT<br>"
        + "d) peptide receptor radionuclide therapy (PRRT)")
    #expect(
      note.back.hasPrefix(
        "<b>Answer: b) US-guided fine-needle biopsy (FNB) for histology and Ki-67</b><br><br>"
          + "Why:<br>• D1: "))
    #expect(
      note.back.hasSuffix(
        "<br><br>Histology first.<br><br>Source: Frilling et al., HPB 2010, Figure 3"))
  }

  @Test func aRowIsFiveTabSeparatedColumnsOnOneLine() {
    let note = AnkiNote(
      guid: "nelm:x/y", front: "F", back: "B\tb\nc", deck: "nelm::A\tB", tags: ["t1", "t2"])
    #expect(note.row == "nelm:x/y\tF\tB b c\tnelm::A B\tt1 t2")
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
    ("Grading", "Grading"), ("Parts::of a title", "Parts:of a title"), (" padded ", "padded"),
  ])
  func deckLevels(title: String, level: String) {
    #expect(AnkiNote.deckLevel(title) == level)
  }
}
