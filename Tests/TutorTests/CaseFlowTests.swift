import Course
import Foundation
import Progress
import Testing
@testable import Tutor

@Suite("Clinical cases and quizzes")
struct CaseFlowTests {
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
