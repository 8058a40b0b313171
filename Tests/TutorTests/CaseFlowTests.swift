import Course
import Foundation
import Progress
import Testing
@testable import Tutor

@Suite("Clinical cases and quizzes")
struct CaseFlowTests {
  /// The letter under which `id` is shown at the case's current step.
  func letter(of id: String, in tutor: Tutor) -> String {
    let item = CaseFixture.clinicalCase
    let position = tutor.session.position(in: item.id)
    guard case .success(let key) = item.steps[position].answerKey(),
      let index = key.choices.firstIndex(where: { $0.id == id })
    else { return "?" }
    return CaseScreens.letter(index)
  }

  @Test("a case opens on its story and first step; the engine's answer is right")
  func firstStep() {
    var tutor = CaseFixture.tutor()
    let opened = tutor.accept("case ileal-crr").wideText
    #expect(opened.contains("Case: Flushing and a nodular liver"))
    #expect(opened.contains("A 61-year-old man has flushing."))
    #expect(opened.contains("What is the next step?"))
    #expect(opened.contains("b) US-guided fine-needle biopsy (FNB)"))
    #expect(tutor.prompt == "answer> ")
    let reply = tutor.accept(letter(of: "biopsy", in: tutor)).wideText
    #expect(reply.contains("Correct."))
    // The engine's reason, without the code of its rule.
    #expect(reply.contains("  • differentiation unknown →"))
    #expect(!reply.contains("D1"))
    #expect(reply.contains("Histology first."))
    #expect(tutor.unsavedAnswers.last?.item == "case/ileal-crr/first")
    #expect(tutor.unsavedAnswers.last?.outcome == "correct")
    #expect(tutor.session.cases["ileal-crr"]?.position == 1)
  }

  @Test("the next stage's story comes with its first step, graded on the new facts")
  func nextStage() {
    var tutor = CaseFixture.tutor()
    _ = tutor.accept("case ileal-crr")
    _ = tutor.accept(letter(of: "biopsy", in: tutor))
    let next = tutor.accept("").wideText
    #expect(next.contains("The biopsy shows a well-differentiated NET"))
    #expect(next.contains("What is the grade"))
    #expect(tutor.accept("b").wideText.contains("Correct."))  // Ki-67 4 % → G2
  }

  @Test("an acceptable alternative counts as right and names the first choice")
  func acceptable() {
    var tutor = CaseFixture.tutor()
    tutor.goToCaseStep(3)
    let reply = tutor.accept(letter(of: "tace", in: tutor)).wideText
    #expect(reply.contains("Acceptable:"))
    #expect(reply.contains("Its first choice is b) cytoreductive resection (CRR) ± RFA."))
    #expect(tutor.unsavedAnswers.last?.outcome == "acceptable")
    #expect(tutor.unsavedAnswers.last?.correct == true)
  }

  @Test("several answers: right only as the exact set; misses and extras are named")
  func adjuncts() {
    var tutor = CaseFixture.tutor()
    tutor.goToCaseStep(4)
    let partial = tutor.accept(letter(of: "ssa", in: tutor)).wideText
    #expect(partial.contains("Not quite: you missed"))
    #expect(partial.contains("perioperative octreotide"))
    #expect(tutor.unsavedAnswers.last?.outcome == "wrong")
  }

  @Test("a what-if step asks again on the changed facts")
  func whatIf() {
    var tutor = CaseFixture.tutor()
    let screen = tutor.goToCaseStep(5)
    #expect(screen.contains("What if: age 45; primary resected; nothing resectable?"))
    let reply = tutor.accept(letter(of: "yes", in: tutor)).wideText
    #expect(reply.contains("Correct."))
    #expect(reply.contains("Case complete"))
    #expect(tutor.session.cases["ileal-crr"]?.completed == true)
  }

  @Test("Ctrl-C leaves a case; `case ID` resumes at the next unanswered step")
  func resume() {
    var tutor = CaseFixture.tutor()
    tutor.goToCaseStep(3)
    #expect(tutor.interrupt().wideText.contains("`case ileal-crr` resumes"))
    let again = tutor.accept("case").wideText
    #expect(again.contains("Resuming at step 3 of 5."))
    #expect(again.contains("What is the best treatment now?"))
  }

  @Test("a quiz runs its cases and ends with a summary by step kind and topic")
  func quiz() {
    var tutor = CaseFixture.tutor()
    let start = tutor.accept("quiz --cases 1").wideText
    #expect(start.contains("Quiz: 1 case."))
    var text = ""
    for _ in 0..<5 {
      text = tutor.accept("skip").wideText + tutor.accept("").wideText
    }
    #expect(text.contains("Quiz summary"))
    #expect(text.contains("Score: 0/5 steps right"))
    #expect(text.contains("treatment"))
    #expect(text.contains("Revisit: `case ileal-crr`"))
    #expect(tutor.session.quiz == nil)
  }

  @Test("unknown options of case and quiz are errors with what is allowed")
  func badOptions() {
    var tutor = CaseFixture.tutor()
    #expect(tutor.accept("quiz --topic cooking").isError)
    #expect(tutor.accept("quiz --cases 0").isError)
    #expect(tutor.accept("case nonsense").wideText.contains("No case 'nonsense'"))
  }
}

extension Tutor {
  /// Opens the fixture case, skips to step `number` (1-based), and returns that screen.
  @discardableResult
  mutating func goToCaseStep(_ number: Int) -> String {
    _ = accept("case ileal-crr")
    for _ in 1..<number {
      _ = accept("skip")
    }
    _ = interrupt()
    return accept("case ileal-crr").wideText
  }
}

@Suite("Timed quizzes")
struct TimedQuizTests {
  @Test("in a timed quiz a right answer given after the time limit counts as wrong")
  func overTime() {
    let clock = TutorFixture.Clock()
    var tutor = CaseFixture.tutor(clock: clock)
    let start = tutor.accept("quiz --cases 1 --timed").wideText
    #expect(start.contains("60 s a step"))
    clock.step = 70  // the learner takes 70 s over the step
    let reply = tutor.accept("b").wideText  // biopsy: the engine's answer
    #expect(reply.contains("Over time: "))
    #expect(tutor.unsavedAnswers.last?.outcome == "wrong")
    #expect(tutor.unsavedAnswers.last?.correct == false)
  }

  @Test("without --timed the same slow answer is simply right")
  func untimed() {
    let clock = TutorFixture.Clock()
    var tutor = CaseFixture.tutor(clock: clock)
    _ = tutor.accept("quiz --cases 1")
    clock.step = 70
    #expect(tutor.accept("b").wideText.contains("Correct."))
    #expect(tutor.unsavedAnswers.last?.outcome == "correct")
  }
}
