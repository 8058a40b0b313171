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
