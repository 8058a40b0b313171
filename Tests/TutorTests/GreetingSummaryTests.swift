import Course
import Foundation
import Progress
import Testing

@testable import Tutor

@Suite("The greeting reads the course's summary, not the course")
struct GreetingSummaryTests {
  /// A tutor over `session` whose course, once loaded, is empty: only the summary knows the
  /// course's titles and items, so a greeting that read the course would lose them.
  private func greeting(_ session: Session, summary: CourseSummary, now: Date) -> String {
    let provider = CourseProvider(
      summary: summary, loadingInBackground: { Course(lessons: []) })
    let tutor = Tutor(course: provider, session: session, clock: { now })
    return TextRenderer(width: 300, color: false).render(tutor.welcome(isNewLearner: false))
  }

  @Test("lesson left halfway, case left halfway and items due: the same greeting")
  func sameGreeting() {
    let clock = TutorFixture.Clock()
    var tutor = CaseFixture.tutor(clock: clock)
    _ = tutor.accept("case ileal-crr")
    _ = tutor.accept("reveal")
    _ = tutor.interrupt()
    tutor.goToQuestion(1)
    _ = tutor.accept("reveal")
    _ = tutor.interrupt()
    clock.now += 3_600
    let expected = TextRenderer(width: 300, color: false).render(
      tutor.welcome(isNewLearner: false))
    #expect(expected.contains("You left “"))
    #expect(expected.contains("You left the case “Flushing and a nodular liver”"))
    #expect(expected.contains("due for review"))
    let early = greeting(
      tutor.session, summary: CourseSummary(tutor.course), now: clock.now)
    #expect(early == expected)
  }

  @Test("an item the course no longer has is not counted due")
  func goneItem() {
    let clock = TutorFixture.Clock()
    var tutor = CaseFixture.tutor(clock: clock)
    tutor.goToQuestion(1)
    _ = tutor.accept("reveal")
    _ = tutor.interrupt()
    clock.now += 3_600
    var summary = CourseSummary(tutor.course)
    #expect(greeting(tutor.session, summary: summary, now: clock.now).contains("1 item is due"))
    summary.items = []
    #expect(!greeting(tutor.session, summary: summary, now: clock.now).contains("due for review"))
  }
}
