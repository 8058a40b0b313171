import Course
import Foundation
import Progress
@testable import Tutor

/// A small course and a tutor with a controllable clock.
enum TutorFixture {
  static let lesson = Lesson(
    id: "grading", title: "Grading", order: 2, summary: "Grades.", objectives: ["Grade a NET."],
    source: "ENETS",
    pages: [
      Page(title: "Ki-67", text: "First paragraph.\n\nSecond paragraph.", source: "WHO 2010"),
      Page(
        title: "Mitoses",
        text: "Count mitoses in 10 HPF.\n\nSince the review: WHO 2019 counts in mm².",
        source: "ENETS 2006"),
    ],
    questions: [
      Question(
        id: "g1", kind: .single, stem: "Ki-67 12 %: grade?",
        options: [
          Option(id: "a", text: "G1", explanation: "G1 is 2 % or less."),
          Option(id: "b", text: "G2", explanation: "3–20 % is G2."),
          Option(id: "c", text: "G3", explanation: "G3 is over 20 %."),
        ], key: ["b"], hint: "Look at the 3–20 % band.", explanation: "Ki-67 sets the grade.",
        source: "WHO 2010"),
      Question(
        id: "g2", kind: .multiple, stem: "Which measure grade?",
        options: [
          Option(id: "a", text: "Ki-67", explanation: "Yes."),
          Option(id: "b", text: "Size", explanation: "Size sets T, not grade."),
          Option(id: "c", text: "Mitoses", explanation: "Yes."),
        ], key: ["a", "c"], explanation: "Two measures.", source: "ENETS 2006"),
      Question(
        id: "g3", kind: .trueFalse, stem: "The higher grade wins.",
        options: [
          Option(id: "a", text: "True", explanation: "Right."),
          Option(id: "b", text: "False", explanation: "It does win."),
        ], key: ["a"], explanation: "The higher grade wins.", source: "WHO 2010"),
    ])

  static let second = Lesson(
    id: "staging", title: "Staging", order: 1, summary: "TNM.", objectives: ["Stage."],
    source: "ENETS", pages: [Page(title: "T", text: "T text.", source: "ENETS")], questions: [])

  static let course = Course(lessons: [second, lesson])

  /// A clock that moves forward by `step` seconds each time it is read.
  final class Clock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_800_000_000)
    var step: TimeInterval = 2
    func read() -> Date {
      now += step
      return now
    }
  }

  static func tutor(_ session: Session? = nil, clock: Clock = Clock()) -> Tutor {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    return Tutor(
      course: course, session: session ?? Session(learner: "ana", now: start),
      clock: { clock.read() })
  }
}

extension Reply {
  /// The reply as plain text at 80 columns.
  var text: String { TextRenderer(width: 80, color: false).render(blocks) }
}

extension Tutor {
  /// The letter under which this learner sees option `id` of question `question` of `lesson`
  /// (options are shuffled per learner and item).
  func letter(
    of id: String, question: String, in lesson: Lesson = TutorFixture.lesson
  ) -> String {
    guard let found = lesson.questions.first(where: { $0.id == question }) else { return "?" }
    return ShownChoices(found, of: lesson, learner: session.learner).letter(of: id) ?? "?"
  }
}
