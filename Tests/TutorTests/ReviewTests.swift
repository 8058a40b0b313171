import Course
import Foundation
import Progress
import Testing
@testable import Tutor

@Suite("Review and flags")
struct ReviewTests {
  @Test("review incorrect asks the items answered wrongly last time")
  func incorrectPool() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(1)
    _ = tutor.accept(tutor.letter(of: "c", question: "g1"))
    _ = tutor.accept("")
    let ki67 = tutor.letter(of: "a", question: "g2")
    _ = tutor.accept("\(ki67) \(tutor.letter(of: "c", question: "g2"))")  // right
    _ = tutor.interrupt()
    let text = tutor.accept("review incorrect").wideText
    #expect(text.contains("Review: 1 item answered wrongly last time."))
    #expect(text.contains("Ki-67 12 %"))
  }

  @Test("flag marks the question on screen; review flagged brings it back; flag again unmarks")
  func flags() {
    var tutor = TutorFixture.tutor()
    #expect(tutor.accept("flag").isError)
    tutor.goToQuestion(2)
    #expect(tutor.accept("flag").wideText.contains("Flagged"))
    #expect(tutor.session.items["grading/g2"]?.flagged == true)
    _ = tutor.interrupt()
    let text = tutor.accept("review flagged").wideText
    #expect(text.contains("Which measure grade?"))
    #expect(tutor.accept("flag").wideText.contains("Flag removed."))
    #expect(tutor.session.items["grading/g2"]?.flagged == nil)
  }

  @Test("a case step can be reviewed, graded by the engine")
  func caseStepReview() {
    let clock = TutorFixture.Clock()
    var tutor = CaseFixture.tutor(clock: clock)
    _ = tutor.accept("case ileal-crr")
    _ = tutor.accept("resection")  // wrong: biopsy comes first
    _ = tutor.interrupt()
    clock.now += 3_600
    let text = tutor.accept("review").wideText
    #expect(text.contains("case: Flushing and a nodular liver"))
    #expect(text.contains("What is the next step?"))
    #expect(text.contains("A 61-year-old man has flushing."))
    #expect(tutor.accept("story").wideText.contains("A 61-year-old man has flushing."))
    let answered = tutor.accept(tutor.caseLetter(of: "biopsy", step: "first")).wideText
    #expect(answered.contains("Correct."))
    #expect(tutor.unsavedAnswers.last?.outcome == "correct")
    // After the answer, `repeat` shows the step answered again, not an error.
    let again = tutor.accept("repeat")
    #expect(!again.isError)
    #expect(again.wideText.contains("What is the next step?"))
  }
}

@Suite("Glossary, search and sources in the shell")
struct ReferenceCommandTests {
  static let course = Course(
    lessons: [TutorFixture.lesson],
    glossary: [
      GlossaryEntry(
        term: "NET", expansion: "neuroendocrine tumour",
        definition: "A well-differentiated tumour.",
        see: ["NEC"], source: "WHO 2010"),
      GlossaryEntry(
        term: "NEC", expansion: "neuroendocrine carcinoma", definition: "Poorly differentiated.",
        see: [], source: nil),
    ])

  func tutor() -> Tutor {
    Tutor(course: Self.course, session: Session(learner: "ana", now: Date()))
  }

  @Test("define explains a term with its source; an unknown term is an error")
  func define() {
    var tutor = tutor()
    let text = tutor.accept("define net").wideText
    #expect(text.contains("NET — neuroendocrine tumour"))
    #expect(text.contains("See also: NEC"))
    #expect(text.contains("Source: WHO 2010"))
    #expect(tutor.accept("define XYZ").isError)
    #expect(tutor.completions(for: "define NE") == ["NEC", "NET"])
  }

  @Test("glossary lists every term; search finds pages and says how to open them")
  func glossaryAndSearch() {
    var tutor = tutor()
    let glossary = tutor.accept("glossary").wideText
    #expect(glossary.contains("NEC") && glossary.contains("neuroendocrine tumour"))
    let found = tutor.accept("search mitoses").wideText
    #expect(found.contains("page 2"))
    #expect(found.contains("`study 1`"))
    #expect(tutor.accept("search zebra").wideText.contains("Nothing found"))
  }

  @Test("sources lists each reference with what cites it")
  func sources() {
    var tutor = tutor()
    let text = tutor.accept("sources").wideText
    #expect(text.contains("WHO 2010"))
    #expect(text.contains("ENETS 2006"))
  }
}
