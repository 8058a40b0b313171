import Clinical
import Course
import Foundation
import Identifiers
import Progress
import Testing

@testable import Exports

@Suite("Markdown recap")
struct MarkdownRecapTests {
  static func answer(
    _ item: ItemID, _ response: [String], correct: Bool, skipped: Bool = false, at seconds: Double,
    outcome: Outcome? = nil
  ) -> Answer {
    Answer(
      item: item, response: response, correct: correct, skipped: skipped,
      at: ExportFixture.time(seconds), durationMs: 1000, hintsUsed: 0, outcome: outcome)
  }

  static var record: LearnerRecord {
    var session = Session(learner: "ana", now: ExportFixture.time())
    session.lessons["grading"] = LessonProgress(
      position: 4, started: ExportFixture.time(), updated: ExportFixture.time(50))
    session.cases["ileal"] = CaseProgress(
      position: 2, completed: true, started: ExportFixture.time(60),
      updated: ExportFixture.time(90), outcomes: ["first": "correct", "grade": "wrong"])
    return LearnerRecord(
      learner: "ana", session: session,
      answers: [
        answer("grading/g1", ["a"], correct: false, at: 10),
        answer("grading/g2", ["a"], correct: false, at: 20),
        answer("grading/g1", ["b"], correct: true, at: 30),
        answer("grading/g3", [], correct: false, skipped: true, at: 40),
        answer("case/ileal/first", ["biopsy"], correct: true, at: 70, outcome: "correct"),
        answer("case/ileal/grade", ["G3"], correct: false, at: 90, outcome: "wrong"),
      ])
  }

  /// The latest answer to each question counts (g1 was wrong, then right); a wrong or skipped
  /// one shows the key, the explanation and the source. A case lists its steps' outcomes, the
  /// engine's answer and reasons when the learner missed it, and the author's points.
  @Test func aRecapOfALessonAndACase() throws {
    #expect(
      try MarkdownRecap.text(for: Self.record, course: ExportFixture.course) == """
        # nelm recap: ana

        > nelm is a teaching tool built on Frilling et al., HPB 2010. It is not clinical decision
        > support: never use it to choose a treatment for a real patient.

        ## Lesson: Grading & staging

        In progress; 1 of 3 answered questions right.

        - **Right.** Ki-67 12 %: grade?
        - **Wrong.** Which two measures set the grade?
          - You answered: Ki-67
          - Answer: Ki-67; Mitoses
          - Why: Ki-67 and mitoses set the grade. The higher grade wins.
          - Source: ENETS 2006
        - **Skipped.** The higher grade wins.
          - Answer: True
          - Why: With both measures, the higher grade wins.
          - Source: WHO 2010

        ## Case: Flushing and a nodular liver

        Completed. Source: Frilling et al., HPB 2010, Figure 3

        - **Correct.** Step 1: What is the next step?
          - Points: Histology first.
        - **Wrong.** Step 2: What is the grade (ENETS/WHO 2010)?
          - You answered: G3
          - Answer: G2
          - Why:
            - grade: Ki-67 4 % → G2; mitoses 1/10 HPF → G1; the higher grade wins → G2 (ENETS 2006/2007; WHO 2010)
          - Source: WHO 2010

        """)
  }

  @Test("B15: a lesson opened but not answered says so, not '0 of 0 answered questions right'")
  func aLessonWithNoAnswers() throws {
    let lesson = try #require(ExportFixture.course.lessons.first)
    let text = MarkdownRecap.lessonSection(lesson, [], [:], nil)
    #expect(text.contains("In progress; no questions answered yet."))
    #expect(!text.contains("0 of 0"))
  }

  @Test func aCaseHalfDoneSaysWhereItWasLeft() throws {
    let progress = CaseProgress(
      position: 1, started: ExportFixture.time(), updated: ExportFixture.time(),
      outcomes: ["first": "skipped"])
    // The reason is the engine's own line for rule D1, whatever its wording.
    let step = try #require(ExportFixture.clinicalCase.steps.first)
    let why = try #require(step.kind.reasons(in: ClinicalEngine.assess(step.facts)).first)
    #expect(why.hasPrefix("D1: differentiation unknown"))
    #expect(
      MarkdownRecap.caseSection(ExportFixture.clinicalCase, progress) { _ in nil } == """
        ## Case: Flushing and a nodular liver

        In progress: step 2 of 2. Source: Frilling et al., HPB 2010, Figure 3

        - **Skipped.** Step 1: What is the next step?
          - Answer: US-guided fine-needle biopsy (FNB) for histology and Ki-67
          - Why:
            - \(why)
          - Points: Histology first.
        """)
  }

  @Test func aLearnerWithNothingStudiedAndAnswersToRemovedItems() throws {
    let record = LearnerRecord(
      learner: "bo", session: Session(learner: "bo", now: ExportFixture.time()),
      answers: [
        Self.answer("gone/q1", ["a"], correct: true, at: 0),
        Self.answer("gone/q2", ["a"], correct: true, at: 1),
      ])
    #expect(
      try MarkdownRecap.text(for: record, course: ExportFixture.course) == """
        # nelm recap: bo

        \(MarkdownRecap.notice)

        Nothing studied yet.

        2 answered items are no longer in the course.

        """)
  }
}
