import Cases
import Clinical
import Figures
import Course
import Foundation
import Identifiers
import Progress

/// What every activity and command of the tutor works on: the course, the learner's session,
/// the clock, the recorder of answers, and the width screens are laid out for.
///
/// Every change to the session goes through `updateSession` or `record`, so the session's
/// clock is always touched and every answer is kept for the answer log.
struct TutorContext {
  /// The course, which may still be loading in the background when the tutor starts.
  let provider: CourseProvider
  /// The learner's progress as the tutor has changed it (the shell saves it).
  private(set) var session: Session
  let clock: @Sendable () -> Date
  /// Builds the answers and keeps those the answer log has not taken yet.
  private(set) var recorder = AnswerRecorder()
  /// The columns screens are laid out for: the shell's width, 80 in tests.
  var width = 80
  /// Whether pictures may use colour (else charts are tables of numbers) and which
  /// characters they are drawn with; the shell sets both from the terminal and environment.
  var pictureColor = false
  var pictureGlyphs: Glyphs = .unicode
  /// The facts of the last case step answered or the last walk finished: what `draw` shows
  /// the path of.
  var lastFacts: CaseFacts?

  /// How a picture is drawn on this screen.
  var figureStyle: FigureStyle {
    FigureStyle(width: width, color: pictureColor, glyphs: pictureGlyphs)
  }

  init(provider: CourseProvider, session: Session, clock: @escaping @Sendable () -> Date) {
    self.provider = provider
    self.session = session
    self.clock = clock
  }

  /// The course (the first use waits for a background load to finish).
  var course: Course { provider.course }

  /// The case or question behind a case or item id, generated cases included.
  var catalog: ItemCatalog { ItemCatalog(course: course) }

  /// The items due for review by `date` (or `within` seconds after it) that the course still
  /// has and that can be reviewed, soonest first: the one count the greeting, `progress` and
  /// `review` all give.
  func dueItems(at date: Date, within window: TimeInterval = 0) -> [ItemID] {
    let catalog = catalog
    return session.due(at: date, within: window).map { ItemID($0.item) }
      .filter { $0.isReviewable && catalog.resolve($0) != nil }
  }

  /// The same items counted from the course's summary (the same items: those the course has),
  /// for the greeting, which does not wait for the course.
  func dueItems(at date: Date, in summary: CourseSummary) -> [ItemID] {
    session.due(at: date).map { ItemID($0.item) }
      .filter { $0.isReviewable && summary.items.contains($0.rawValue) }
  }

  /// The time now.
  func now() -> Date { clock() }

  /// Changes the session and touches its clock.
  mutating func updateSession(_ change: (inout Session) -> Void) {
    change(&session)
    session.updated = clock()
  }

  /// Records an answer to `item` (see `AnswerRecorder`) and touches the session's clock.
  mutating func record(
    _ item: ItemID, response: [String], verdict: AnswerRecorder.Verdict, asked: OnScreen,
    at now: Date
  ) {
    recorder.record(item, response: response, verdict: verdict, asked: asked, at: now, in: &session)
    session.updated = clock()
  }

  /// Hands over the answers recorded since the last call, for the answer log.
  mutating func takeUnsavedAnswers() -> [Answer] { recorder.take() }

  /// Moves the learner to `position` in `lesson`.
  mutating func setPosition(_ position: Int, in lesson: Lesson) {
    let now = clock()
    updateSession { $0.setPosition(position, in: lesson, at: now) }
  }
}
