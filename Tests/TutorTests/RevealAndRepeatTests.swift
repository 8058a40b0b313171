import Course
import Foundation
import Identifiers
import Progress
import Testing
@testable import Tutor

@Suite("Showing answers, repeating and the story so far")
struct RevealAndRepeatTests {
  @Test("B6: flag in a generated case says why, not that there is no step")
  func flagGenerated() {
    var tutor = CaseFixture.tutor()
    _ = tutor.accept("case random --seed 7")
    let reply = tutor.accept("flag").wideText
    #expect(reply.contains("generated case"))
    #expect(!reply.contains("there is none now"))
  }

  @Test("the greeting names a paused quiz and a case left halfway")
  func greeting() {
    var tutor = CaseFixture.tutor()
    _ = tutor.accept("quiz --cases 2")
    _ = tutor.accept("reveal")
    _ = tutor.interrupt()
    let welcome = TextRenderer(width: 300, color: false).render(
      tutor.welcome(isNewLearner: false))
    #expect(welcome.contains("Your quiz is paused after 0 of 2 cases: `quiz` resumes it."))
    var alone = CaseFixture.tutor()
    _ = alone.accept("case ileal-crr")
    _ = alone.accept("reveal")
    _ = alone.interrupt()
    let back = TextRenderer(width: 300, color: false).render(alone.welcome(isNewLearner: false))
    #expect(
      back.contains(
        "You left the case “Flushing and a nodular liver” at step 2 of 5: "
          + "`case ileal-crr` resumes it."))
  }

  @Test("B14: the greeting, progress and review count the same items due")
  func dueCountsAgree() {
    let clock = TutorFixture.Clock()
    var tutor = CaseFixture.tutor(clock: clock)
    _ = tutor.accept("case random --seed 3")
    for _ in 0..<3 {
      _ = tutor.accept("reveal")
      _ = tutor.accept("")
    }
    _ = tutor.interrupt()
    tutor.goToQuestion(1)
    _ = tutor.accept("reveal")
    _ = tutor.interrupt()
    clock.now += 3_600
    let welcome = TextRenderer(width: 300, color: false).render(
      tutor.welcome(isNewLearner: false))
    #expect(welcome.contains("1 item is due for review"))
    #expect(tutor.accept("progress").wideText.contains("Due for review: 1 now"))
    #expect(tutor.accept("review").wideText.contains("Review: 1 item due."))
  }
}

@Suite("Quizzes: place, time and a paused quiz")
struct QuizPlaceTests {
  @Test("every step of a quiz says which case of how many it is")
  func caseOfN() {
    var tutor = CaseFixture.tutor()
    let first = tutor.accept("quiz --cases 2").wideText
    #expect(first.contains("Step 1/5 · case 1 of 2"))
    _ = tutor.accept("reveal")
    #expect(tutor.accept("").wideText.contains("Step 2/5 · case 1 of 2"))
    for _ in 0..<4 {
      _ = tutor.accept("reveal")
      _ = tutor.accept("")
    }
    #expect(tutor.accept("repeat").wideText.contains("case 2 of 2"))
  }

  @Test("a timed quiz shows the time left in the prompt")
  func timeLeft() {
    let clock = TutorFixture.Clock()
    var tutor = CaseFixture.tutor(clock: clock)
    _ = tutor.accept("quiz --cases 1 --timed")
    clock.step = 0
    clock.now += 15
    #expect(tutor.prompt == "answer (45 s left)> ")
    clock.now += 60
    #expect(tutor.prompt == "answer (over time)> ")
  }

  @Test("B5: starting a quiz while one is paused asks first; only yes replaces it")
  func pausedQuizAsks() {
    var tutor = CaseFixture.tutor()
    _ = tutor.accept("quiz --cases 2")
    _ = tutor.accept("reveal")
    _ = tutor.interrupt()
    let paused = tutor.session.quiz
    let ask = tutor.accept("quiz --timed").wideText
    #expect(ask.contains("You have a quiz paused"))
    #expect(tutor.accept("no").wideText.contains("Your paused quiz is kept"))
    #expect(tutor.session.quiz == paused)
    _ = tutor.accept("quiz --timed")
    let started = tutor.accept("yes").wideText
    #expect(started.contains("60 s a step"))
    #expect(tutor.session.quiz?.timed == true)
  }

  @Test("B5: a new quiz does not restart a case the learner left halfway")
  func halfDoneCaseKept() {
    var tutor = CaseFixture.tutor()
    _ = tutor.accept("case ileal-crr")
    _ = tutor.accept(tutor.caseLetter(of: "biopsy"))
    _ = tutor.interrupt()
    _ = tutor.accept("quiz --cases 1")
    #expect(tutor.session.quiz?.cases.contains("ileal-crr") == false)
    #expect(tutor.session.cases["ileal-crr"]?.position == 1)
  }
}

@Suite("B15: small things a learner trips on")
struct SmallThingsTests {
  @Test("repeat outside a lesson or case is explained, never 'did you mean reset'")
  func repeatIsNotReset() {
    var tutor = TutorFixture.tutor()
    let reply = tutor.accept("repeat").text
    #expect(!reply.contains("reset"))
    #expect(reply.contains("`repeat` works inside a lesson, case or review"))
  }

  @Test("the shell's history keeps commands, not answers, facts or names")
  func historyKeepsCommands() {
    #expect(Tutor.isCommand("study 2"))
    #expect(Tutor.isCommand("Review incorrect"))
    #expect(!Tutor.isCommand("b"))
    #expect(!Tutor.isCommand("a c"))
    #expect(!Tutor.isCommand("Sam Resident"))
  }
}
