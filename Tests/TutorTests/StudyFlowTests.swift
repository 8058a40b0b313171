import Course
import Foundation
import Progress
import Testing
@testable import Tutor

@Suite("Studying a lesson")
struct StudyFlowTests {
  /// The words are in the lesson transcript; here, that the shell is told they are errors.
  @Test("an option the question does not have is an error, and nothing is recorded")
  func invalidLetter() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(1)
    #expect(tutor.accept("e").isError)
    #expect(tutor.accept("a b").isError)
    #expect(tutor.unsavedAnswers.isEmpty)
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
