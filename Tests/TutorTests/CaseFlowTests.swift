import Course
import Foundation
import Progress
import Testing
@testable import Tutor

@Suite("Clinical cases and quizzes")
struct CaseFlowTests {
  @Test("a case opens on its story and first step; the engine's answer is right")
  func firstStep() {
    var tutor = CaseFixture.tutor()
    let opened = tutor.accept("case ileal-crr").wideText
    #expect(opened.contains("Case: Flushing and a nodular liver"))
    #expect(opened.contains("A 61-year-old man has flushing."))
    #expect(opened.contains("What is the next step?"))
    let biopsy = tutor.caseLetter(of: "biopsy")
    #expect(opened.contains("\(biopsy)) US-guided fine-needle biopsy (FNB)"))
    #expect(tutor.prompt == "answer> ")
    let reply = tutor.accept(tutor.caseLetter(of: "biopsy")).wideText
    #expect(reply.contains("Correct."))
    // The engine's reason, without the code of its rule.
    #expect(reply.contains("  • differentiation unknown →"))
    #expect(!reply.contains("D1"))
    #expect(reply.contains("Histology first."))
    #expect(tutor.unsavedAnswers.last?.item == "case/ileal-crr/first")
    #expect(tutor.unsavedAnswers.last?.outcome == "correct")
    #expect(tutor.session.cases["ileal-crr"]?.position == 1)
  }

  @Test("a case opened and left without an answer leaves nothing in the session")
  func openedAndLeft() {
    var tutor = CaseFixture.tutor()
    _ = tutor.accept("case random --seed 5")
    _ = tutor.accept("menu")
    _ = tutor.accept("case ileal-crr")
    _ = tutor.accept("menu")
    #expect(tutor.session.cases.isEmpty)
    _ = tutor.accept("case random --seed 5")
    _ = tutor.accept("skip")
    #expect(tutor.session.cases.keys.sorted() == ["random:5"])
    #expect(tutor.session.cases["random:5"]?.position == 1)
  }

  @Test("the next stage's story comes with its first step, graded on the new facts")
  func nextStage() {
    var tutor = CaseFixture.tutor()
    _ = tutor.accept("case ileal-crr")
    _ = tutor.accept(tutor.caseLetter(of: "biopsy"))
    let next = tutor.accept("").wideText
    #expect(next.contains("The biopsy shows a well-differentiated NET"))
    #expect(next.contains("What is the grade"))
    #expect(tutor.accept(tutor.caseLetter(of: "G2")).wideText.contains("Correct."))  // Ki-67 4 %
  }

  @Test("an acceptable alternative counts as right and names the first choice")
  func acceptable() {
    var tutor = CaseFixture.tutor()
    tutor.goToCaseStep(3)
    let crr = tutor.caseLetter(of: "cytoreduction")
    let reply = tutor.accept(tutor.caseLetter(of: "tace")).wideText
    #expect(reply.contains("Acceptable:"))
    #expect(reply.contains("Its first choice is \(crr)) cytoreductive resection (CRR) ± RFA."))
    #expect(tutor.unsavedAnswers.last?.outcome == "acceptable")
    #expect(tutor.unsavedAnswers.last?.correct == true)
  }

  @Test("several answers: right only as the exact set; misses and extras are named")
  func adjuncts() {
    var tutor = CaseFixture.tutor()
    tutor.goToCaseStep(4)
    let partial = tutor.accept(tutor.caseLetter(of: "ssa")).wideText
    #expect(partial.contains("Not quite: you missed"))
    #expect(partial.contains("perioperative octreotide"))
    #expect(tutor.unsavedAnswers.last?.outcome == "wrong")
  }

  @Test("a what-if step asks again on the changed facts")
  func whatIf() {
    var tutor = CaseFixture.tutor()
    let screen = tutor.goToCaseStep(5)
    #expect(screen.contains("What if: age 45; primary resected; nothing resectable?"))
    let reply = tutor.accept(tutor.caseLetter(of: "yes")).wideText
    #expect(reply.contains("Correct."))
    #expect(reply.contains("Case complete"))
    #expect(tutor.session.cases["ileal-crr"]?.completed == true)
  }

  @Test("Ctrl-C leaves a case; `case ID` resumes at the next unanswered step, story so far first")
  func resume() {
    var tutor = CaseFixture.tutor()
    tutor.goToCaseStep(3)
    #expect(tutor.interrupt().wideText.contains("`case ileal-crr` resumes"))
    let again = tutor.accept("case").wideText
    #expect(again.contains("Resuming at step 3 of 5; the story so far:"))
    // B3: the answer rests on the first stage too, so it is told again.
    #expect(again.contains("A 61-year-old man has flushing."))
    #expect(again.contains("The biopsy shows a well-differentiated NET"))
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
      _ = accept("")
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
    let reply = tutor.accept(tutor.caseLetter(of: "biopsy")).wideText  // the engine's answer
    #expect(reply.contains("Right, but over time: 70 s for a 60 s step"))
    #expect(!reply.contains("Not the best choice"))
    #expect(tutor.unsavedAnswers.last?.outcome == "wrong")
    #expect(tutor.unsavedAnswers.last?.correct == false)
  }

  @Test("without --timed the same slow answer is simply right")
  func untimed() {
    let clock = TutorFixture.Clock()
    var tutor = CaseFixture.tutor(clock: clock)
    _ = tutor.accept("quiz --cases 1")
    clock.step = 70
    #expect(tutor.accept(tutor.caseLetter(of: "biopsy")).wideText.contains("Correct."))
    #expect(tutor.unsavedAnswers.last?.outcome == "correct")
  }
}

extension Tutor {
  /// The letter under which this learner sees choice `id` at the fixture case's current step
  /// (choices are shuffled per learner and step).
  func caseLetter(of id: String, step stepID: String? = nil) -> String {
    let item = CaseFixture.clinicalCase
    let position = session.position(in: item.id)
    guard let step = item.steps.first(where: { $0.id == stepID }) ?? item.steps[safe: position]
    else { return "?" }
    guard case .success(let key) = step.answerKey() else { return "?" }
    let shown = ShownChoices(
      key, several: step.kind.allowsSeveral, learner: session.learner,
      item: item.itemID(of: step))
    return shown.letter(of: id) ?? "?"
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
