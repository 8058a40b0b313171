import Course
import Foundation
import Identifiers
import Progress
import Testing
@testable import Tutor

@Suite("Answers in the forms people type")
struct AnswerFormTests {
  static let choices = ShownChoices(
    [
      .init(id: "in_situ", label: "In situ split"), .init(id: "two_stage", label: "Two-stage"),
      .init(id: "III", label: "type III"), .init(id: "no", label: "No"),
    ], several: false, learner: "ana", item: "case/x/y", shuffle: false)

  @Test(
    "letters with ) or ., any case; the option's label or id, spaces for underscores",
    arguments: [
      ("b", "two_stage"), ("B)", "two_stage"), ("b.", "two_stage"), (" C ", "III"),
      ("two stage", "two_stage"), ("Two-Stage", "two_stage"), ("in situ", "in_situ"),
      ("IN_SITU", "in_situ"), ("iii", "III"), ("Type III", "III"), ("no", "no"), ("NO", "no"),
    ])
  func forms(typed: String, id: String) {
    #expect(AnswerParser.parse(typed, forStep: Self.choices) == .answer([id]))
  }

  @Test("a lesson's option is known by its letter or its words, not by its course id")
  func lessonLabels() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(1)
    let reply = tutor.accept("g2").text
    #expect(reply.contains("Correct."))
    #expect(tutor.unsavedAnswers.last?.response == ["b"])
  }

  @Test("a wrong form at a question names the letters there are, never 'Unknown command'")
  func wrongForm() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(1)
    let reply = tutor.accept("G7")
    #expect(reply.isError)
    #expect(reply.text.contains("Answer with a letter a–c"))
    #expect(!reply.text.contains("Unknown command"))
    #expect(tutor.unsavedAnswers.isEmpty)
    var inCase = CaseFixture.tutor()
    _ = inCase.accept("case ileal-crr")
    let caseReply = inCase.accept("chemotherapy please")
    #expect(caseReply.wideText.contains("Answer with a letter a–"))
    #expect(!caseReply.wideText.contains("Unknown command"))
  }

  @Test("commands still work at a question")
  func commandsAtAQuestion() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(1)
    #expect(tutor.accept("lessons").text.contains("Grading"))
    #expect(tutor.accept("hint").text.contains("Hint:"))
  }
}
