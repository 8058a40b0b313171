import Course
import Foundation
import Progress
import Testing
@testable import Tutor

@Suite("Review and flags")
struct ReviewTests {
  @Test("an answered question is scheduled; review asks it when due and says when it returns")
  func dueReview() {
    let clock = TutorFixture.Clock()
    var tutor = TutorFixture.tutor(clock: clock)
    tutor.goToQuestion(1)
    _ = tutor.accept("c")  // wrong: comes back soon
    _ = tutor.interrupt()
    #expect(tutor.session.items["grading/g1"]?.review != nil)
    #expect(tutor.accept("review").wideText.contains("Nothing is due"))
    clock.now += 3_600
    let start = tutor.accept("review").wideText
    #expect(start.contains("Review: 1 item due."))
    #expect(start.contains("Review 1/1 · Grading"))
    #expect(start.contains("Ki-67 12 %: grade?"))
    let answered = tutor.accept("b").wideText
    #expect(answered.contains("Correct."))
    #expect(answered.contains("Comes back in"))
    #expect(tutor.unsavedAnswers.last?.item == "grading/g1")
    #expect(tutor.accept("").wideText.contains("Review done: 1/1 right."))
  }

  @Test("review incorrect asks the items answered wrongly last time")
  func incorrectPool() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(1)
    _ = tutor.accept("c")
    _ = tutor.accept("")
    _ = tutor.accept("a c")  // right
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
    _ = tutor.accept("a")  // resection: wrong, biopsy comes first
    _ = tutor.interrupt()
    clock.now += 3_600
    let text = tutor.accept("review").wideText
    #expect(text.contains("case: Flushing and a nodular liver"))
    #expect(text.contains("What is the next step?"))
    let answered = tutor.accept("b").wideText
    #expect(answered.contains("Correct."))
    #expect(tutor.unsavedAnswers.last?.outcome == "correct")
  }
}
