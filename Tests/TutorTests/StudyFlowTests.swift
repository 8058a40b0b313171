import Course
import Foundation
import Progress
import Testing
@testable import Tutor

@Suite("Studying a lesson")
struct StudyFlowTests {
  @Test("study opens page 1, Enter turns pages, then the questions come")
  func pagesThenQuestions() {
    var tutor = TutorFixture.tutor()
    let opened = tutor.accept("study grading")
    #expect(opened.text.contains("Ki-67 (page 1/2)"))
    #expect(opened.text.contains("Source: WHO 2010"))
    #expect(opened.text.contains("First paragraph.\n\nSecond paragraph."))
    #expect(opened.saveNeeded)
    #expect(tutor.prompt == "nelm 2> ")
    let second = tutor.accept("")
    #expect(second.text.contains("Mitoses (page 2/2)"))
    // What changed after the review is marked so it is not taken for the review's claim.
    #expect(second.text.contains("\n▌ Since the review: WHO 2019 counts in mm².\n"))
    let question = tutor.accept("next")
    #expect(question.text.contains("Check 1/3"))
    #expect(question.text.contains("  \(tutor.letter(of: "b", question: "g1"))) G2"))
    #expect(tutor.prompt == "answer> ")
    #expect(tutor.session.lessons["grading"]?.position == 2)
  }

  @Test("a right answer is recorded with its duration and hints, and explained")
  func rightAnswer() {
    let clock = TutorFixture.Clock()
    var tutor = TutorFixture.tutor(clock: clock)
    _ = tutor.accept("study 2")
    _ = tutor.accept("")
    _ = tutor.accept("")
    let hint = tutor.accept("hint")
    #expect(hint.text.contains("Hint: Look at the 3–20 % band."))
    let letter = tutor.letter(of: "b", question: "g1")
    let reply = tutor.accept(letter.uppercased())
    #expect(reply.text.contains("Correct."))
    #expect(reply.text.contains("✓ \(letter)) G2 (your answer) — 3–20 % is G2."))
    #expect(reply.text.contains("Source: WHO 2010"))
    #expect(reply.saveNeeded)
    let answer = tutor.unsavedAnswers.last
    #expect(answer?.item == "grading/g1")
    #expect(answer?.response == ["b"])
    #expect(answer?.correct == true)
    #expect(answer?.hintsUsed == 1)
    #expect((answer?.durationMs ?? 0) > 0)
    #expect(tutor.session.lessons["grading"]?.position == 3)
  }

  @Test("a wrong answer names the key and explains both options")
  func wrongAnswer() {
    var tutor = TutorFixture.tutor()
    _ = tutor.accept("study grading")
    _ = tutor.accept("")
    _ = tutor.accept("")
    let g2 = tutor.letter(of: "b", question: "g1")
    let g3 = tutor.letter(of: "c", question: "g1")
    let reply = tutor.accept(g3)
    #expect(reply.text.contains("Not quite. The answer is \(g2)) G2."))
    #expect(reply.text.contains("✗ \(g3)) G3 (your answer) — G3 is over 20 %."))
    #expect(reply.text.contains("✓ \(g2)) G2 (missed) — 3–20 % is G2."))
    #expect(tutor.unsavedAnswers.last?.correct == false)
  }

  @Test("several answers are right only as the exact set; misses and extras are named")
  func severalAnswers() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(2)
    let ki67 = tutor.letter(of: "a", question: "g2")
    let size = tutor.letter(of: "b", question: "g2")
    let mitoses = tutor.letter(of: "c", question: "g2")
    let partial = tutor.accept("\(ki67) \(size)")
    #expect(partial.text.contains("you missed \(mitoses) and wrongly chose \(size)"))
    #expect(tutor.unsavedAnswers.last?.correct == false)
    _ = tutor.accept("back")
    let exact = tutor.accept("\(mitoses),\(ki67)")
    #expect(exact.text.contains("Correct."))
    #expect(tutor.unsavedAnswers.last?.response == ["a", "c"])
  }

  @Test("true/false accepts t, true and a; the last answer completes the lesson")
  func trueFalseAndCompletion() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(3)
    let reply = tutor.accept("true")
    #expect(reply.text.contains("Correct."))
    #expect(reply.text.contains("Lesson complete"))
    #expect(tutor.session.lessons["grading"]?.completed == true)
    #expect(tutor.prompt == "nelm> ")
  }

  @Test("skip shows the answer explained, records the item as not known, and Enter goes on")
  func skip() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(1)
    let reply = tutor.accept("skip")
    let g2 = tutor.letter(of: "b", question: "g1")
    #expect(reply.text.contains("The answer is \(g2)) G2. Counted as not known yet."))
    #expect(tutor.accept("").text.contains("Check 2/3"))
    #expect(tutor.unsavedAnswers.last?.skipped == true)
    #expect(tutor.unsavedAnswers.last?.correct == false)
  }

  @Test("an option the question does not have is an error, and nothing is recorded")
  func invalidLetter() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(1)
    let reply = tutor.accept("e")
    #expect(reply.isError)
    #expect(reply.text.contains("'e' is not an option here; answer with a letter a–c."))
    #expect(tutor.unsavedAnswers.isEmpty)
    let two = tutor.accept("a b")
    #expect(two.isError)
    #expect(two.text.contains("one answer"))
  }

  @Test("Ctrl-C leaves the question; study resumes at the same place")
  func interruptAndResume() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(2)
    let cancelled = tutor.interrupt()
    #expect(cancelled.text.contains("Cancelled"))
    #expect(tutor.prompt == "nelm> ")
    let resumed = tutor.accept("study")
    #expect(resumed.text.contains("Check 2/3"))
  }

  @Test("a saved session resumes where the learner left off, with a welcome back")
  func resumeFromSession() {
    var first = TutorFixture.tutor()
    first.goToQuestion(2)
    var second = TutorFixture.tutor(first.session)
    let welcome = TextRenderer(width: 200, color: false).render(second.welcome(isNewLearner: false))
    #expect(welcome.contains("Welcome back, ana. You left “Grading” at question 2/3"))
    #expect(welcome.contains("not clinical decision support"))
    #expect(second.accept("study 2").text.contains("Check 2/3"))
  }

  @Test("back goes to the previous page; at the start it says so")
  func back() {
    var tutor = TutorFixture.tutor()
    _ = tutor.accept("study grading")
    #expect(tutor.accept("back").text.contains("first page"))
    _ = tutor.accept("")
    #expect(tutor.accept("back").text.contains("Ki-67 (page 1/2)"))
  }

  @Test("a finished lesson starts again from page 1 and keeps its answers")
  func restartFinished() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(3)
    _ = tutor.accept("t")
    let answers = tutor.unsavedAnswers.count
    let reply = tutor.accept("study 2")
    #expect(reply.text.contains("starting again from page 1"))
    #expect(reply.text.contains("Ki-67 (page 1/2)"))
    #expect(tutor.unsavedAnswers.count == answers)
  }
  @Test("a lesson opens with its summary, objectives and an estimated time")
  func overview() {
    var tutor = TutorFixture.tutor()
    let text = tutor.accept("study grading").text
    #expect(text.contains("Grades."))
    #expect(text.contains("You will be able to:"))
    #expect(text.contains("• Grade a NET."))
    #expect(text.contains("About 2 min: 2 pages, 3 questions."))
  }

  @Test("study N P opens page P; a page out of range says which exist")
  func studyPage() {
    var tutor = TutorFixture.tutor()
    let text = tutor.accept("study 2 2").text
    #expect(text.contains("Mitoses (page 2/2)"))
    #expect(!text.contains("Ki-67 (page 1/2)"))
    _ = tutor.accept("menu")
    #expect(tutor.accept("study 2 3").isError)
  }
}

extension Tutor {
  /// Opens the grading lesson at check question `number` (1-based).
  mutating func goToQuestion(_ number: Int) {
    _ = accept("study grading")
    _ = accept("")
    _ = accept("")
    for _ in 1..<number {
      _ = accept("skip")
      _ = accept("")
    }
  }

}
