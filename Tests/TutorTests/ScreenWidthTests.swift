import Course
import Foundation
import Progress
import Testing

@testable import Tutor

/// Screens are laid out for the width the shell passes: nothing passes 60 columns on a
/// narrow terminal, and a wide one gets whole titles (B7, B8).
@Suite("Screens fit the width they are given")
struct ScreenWidthTests {
  static let longTitle = Lesson(
    id: "long", title: "Grading, classification and staging of neuroendocrine neoplasms",
    order: 3, summary: "S.", objectives: ["O."], source: "ENETS",
    pages: [Page(title: "P", text: "T.", source: "ENETS")], questions: [])

  func tutor(width: Int) -> Tutor {
    var tutor = Tutor(
      course: Course(lessons: [TutorFixture.second, TutorFixture.lesson, Self.longTitle]),
      session: Session(learner: "a learner with a long name", now: Date()))
    tutor.width = width
    return tutor
  }

  func lines(_ reply: Reply, width: Int) -> [String] {
    TextRenderer(width: width, color: false).render(reply.blocks)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test(
    "lessons and progress fit 60 columns; a long title is cut with …",
    arguments: [
      "lessons", "progress",
    ])
  func narrow(command: String) {
    var tutor = tutor(width: 60)
    let shown = lines(tutor.accept(command), width: 60)
    #expect(shown.allSatisfy { $0.count <= 60 }, "\(shown.filter { $0.count > 60 })")
    #expect(shown.contains { $0.contains("Grading, classification") && $0.contains("…") })
  }

  @Test("at 160 columns a long lesson title is shown whole")
  func wide() {
    var tutor = tutor(width: 160)
    let shown = lines(tutor.accept("lessons"), width: 160)
    #expect(shown.contains { $0.contains(Self.longTitle.title) })
  }

  @Test("a title rule longer than the screen is cut, not wrapped")
  func rule() {
    let shown = lines(Reply([.rule(String(repeating: "word ", count: 20), right: "")]), width: 60)
    #expect(shown.count == 2 && shown[0].count <= 60 && shown[0].contains("…"))
  }

  @Test("running text wraps at 100 columns even on a wider screen; a row is never wrapped")
  func prose() {
    let text = String(repeating: "word ", count: 60)
    let shown = lines(Reply([.text(text), .row([Span(text)])]), width: 160)
    #expect(shown[0].count <= 100 && shown[0].count > 90)
    #expect(shown.filter { $0.count > 100 }.count == 1)
  }
}
