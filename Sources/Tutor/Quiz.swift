import Clinical
import Course
import Foundation
import Identifiers
import Progress

/// A block of cases taken one after the other, with a summary by step kind and topic at the
/// end. The quiz itself lives in the session (`session.quiz`), so `quiz` resumes one left
/// halfway.
struct Quiz: Activity {
  /// Cases in a quiz when the learner does not say how many.
  static let defaultLength = 5
  /// Seconds a step may take in a timed quiz before its answer counts as wrong.
  static let stepSeconds: Double = 60

  /// The case on screen.
  private(set) var run: CaseRun
  private(set) var isOver = false

  /// Starts a new quiz of `count` cases (on `topic` when given), or resumes the unfinished
  /// one when `resume` and there is one.
  static func start(
    count: Int?, topic: CaseTopic?, timed: Bool, resume: Bool, _ context: inout TutorContext
  ) -> (Quiz?, Reply) {
    if resume, let quiz = context.session.quiz, let next = nextCase(quiz, context.session) {
      guard context.catalog.clinicalCase(next) != nil else {
        // The course changed since the quiz was saved: resuming would fail every time.
        return (
          nil,
          .error(
            "Your unfinished quiz goes on with case '\(Diagnostic.printable(next.rawValue))', "
              + "which this course no longer has. `quiz --cases \(defaultLength)` starts a new "
              + "quiz (any number of cases).")
        )
      }
      let number = (quiz.cases.firstIndex(of: next) ?? 0) + 1
      var reply = Reply([
        .text("Resuming your quiz: case \(number) of \(quiz.cases.count).", .dim)
      ])
      let (quizRun, opened) = open(
        next, timed: quiz.timed, place: "case \(number) of \(quiz.cases.count)", &context)
      reply.append(opened)
      return (quizRun, reply)
    }
    let ids = chooseCases(count: count ?? defaultLength, topic: topic, context)
    let now = context.now()
    context.updateSession { session in
      session.quiz = QuizProgress(cases: ids, topic: topic?.rawValue, timed: timed, started: now)
      // Every case of a new quiz starts from its first step (a place comes with an answer).
      for id in ids { session.setProgress(nil, of: id) }
    }
    var intro = "Quiz: \(ids.count) case\(ids.count == 1 ? "" : "s")"
    if let topic { intro += " on \(topic.rawValue)" }
    if timed { intro += ", \(Int(stepSeconds)) s a step" }
    var reply = Reply(
      [.text(intro + ". `menu` pauses it; `quiz` resumes.", .strong)], saveNeeded: true)
    guard let first = ids.first else { return (nil, reply) }
    let (quiz, opened) = open(first, timed: timed, place: "case 1 of \(ids.count)", &context)
    reply.append(opened)
    return (quiz, reply)
  }

  private static func open(
    _ id: CaseID, timed: Bool, place: String, _ context: inout TutorContext
  ) -> (Quiz?, Reply) {
    let (run, reply) = CaseRun.open(id, .quiz(timed: timed), quizPlace: place, &context)
    return (run.map { Quiz(run: $0) }, reply)
  }

  /// Authored cases first (those on the topic, unfinished before finished), then generated
  /// ones whose seeds follow from the learner's history, so each quiz brings new patients.
  /// A case the learner left halfway on its own is not taken: a quiz starts its cases afresh,
  /// and that case's place is kept for `case ID`.
  static func chooseCases(count: Int, topic: CaseTopic?, _ context: TutorContext) -> [CaseID] {
    let session = context.session
    let authored = context.course.cases
      .filter { topic == nil || $0.tags.contains(topic?.rawValue ?? "") }
      .filter { item in
        guard let progress = session.progress(of: item.id) else { return true }
        return progress.completed || progress.position == 0
      }
      .sorted {
        (session.progress(of: $0.id)?.completed == true ? 1 : 0)
          < (session.progress(of: $1.id)?.completed == true ? 1 : 0)
      }
      .map(\.id)
    var ids = Array(authored.prefix(count))
    var seed = UInt64(session.answerCount) &* 7919 &+ 17
    while ids.count < count {
      let id = CaseID.generated(seed: seed, topic: topic)
      if !ids.contains(id) { ids.append(id) }
      seed &+= 1
    }
    return ids
  }

  /// The first case of `quiz` not yet finished.
  static func nextCase(_ quiz: QuizProgress, _ session: Session) -> CaseID? {
    quiz.cases.first { session.progress(of: $0)?.completed != true }
  }

  var prompt: String { run.prompt }

  mutating func accept(_ line: String, _ context: inout TutorContext) -> Reply? {
    guard var reply = run.accept(line, &context) else { return nil }
    if run.isOver { reply.append(goOn(&context)) }
    return reply
  }

  func leave(_ context: TutorContext) -> String { run.leave(context) }

  func item(_ context: TutorContext) -> ItemID? { run.item(context) }

  func completion(_ context: TutorContext) -> ActivityCompletion { run.completion(context) }

  /// After a case: the next one, or the summary at the end of the quiz.
  private mutating func goOn(_ context: inout TutorContext) -> Reply {
    guard let quiz = context.session.quiz else {
      isOver = true
      return Reply()
    }
    if let next = Self.nextCase(quiz, context.session) {
      let number = (quiz.cases.firstIndex(of: next) ?? 0) + 1
      let (opened, reply) = CaseRun.open(
        next, run.setting, quizPlace: "case \(number) of \(quiz.cases.count)", &context)
      if let opened { run = opened } else { isOver = true }
      return reply
    }
    isOver = true
    var reply = Reply(QuizSummary(quiz: quiz, context: context).blocks(now: context.now()))
    context.updateSession { $0.quiz = nil }
    reply.saveNeeded = true
    return reply
  }
}
