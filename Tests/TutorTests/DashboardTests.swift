import Cases
import Course
import Foundation
import Identifiers
import Progress
import Testing
@testable import Tutor

@Suite("Progress dashboard and history")
struct DashboardTests {
  static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    return calendar
  }()
  static let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00 UTC

  func answer(daysAgo: Double, correct: Bool, item: ItemID = "grading/g1") -> Answer {
    Answer(
      item: item, response: ["b"], correct: correct,
      at: Self.now.addingTimeInterval(-daysAgo * 86_400), durationMs: 4_000, hintsUsed: 0)
  }

  @Test(
    "the streak counts days in a row with an answer, up to today or yesterday",
    arguments: [
      ([0.0, 1, 2], 3), ([1.0, 2], 2), ([0.0, 2, 3], 1), ([3.0, 4], 0), ([Double](), 0),
    ])
  func streak(daysAgo: [Double], expected: Int) {
    // Answers recorded oldest first, as they are given; the session keeps the run of days.
    var session = Session(learner: "ana", now: Self.now)
    for ago in daysAgo.sorted(by: >) { session.record(answer(daysAgo: ago, correct: true)) }
    #expect(
      DashboardStats.streak(session.streak, now: Self.now, calendar: Self.calendar) == expected)
  }

  @Test("the chart has 30 days, oldest first, with answers and right answers per day")
  func days() {
    let answers = [
      answer(daysAgo: 0, correct: true), answer(daysAgo: 0, correct: false),
      answer(daysAgo: 29, correct: true), answer(daysAgo: 30, correct: true),
    ]
    var session = Session(learner: "ana", now: Self.now)
    for answer in answers.sorted(by: { $0.at < $1.at }) { session.record(answer) }
    let days = DashboardStats.lastDays(
      30, counts: session.days, now: Self.now, calendar: Self.calendar)
    #expect(days.count == 30)
    #expect(days.last?.answers == 2 && days.last?.right == 1)
    #expect(days.first?.answers == 1)
    #expect(days.dropFirst().dropLast().allSatisfy { $0.answers == 0 })
  }

  @Test("progress shows lessons, accuracy by topic from the latest answers, and the chart")
  func progressText() {
    let answers = [
      answer(daysAgo: 1, correct: false), answer(daysAgo: 0, correct: true),
    ]
    var session = Session(learner: "ana", now: Self.now)
    for answer in answers { session.record(answer) }
    let tutor = Tutor(
      course: TutorFixture.course, session: session, clock: { Self.now },
      history: { Array(answers.suffix($0)) })
    var copy = tutor
    let text = copy.accept("progress").wideText
    #expect(text.contains("Progress · ana"))
    #expect(text.contains("2 Grading"))
    // The latest answer to g1 is right, so its topic (the lesson id: no tags) is 1/1.
    #expect(text.contains("grading"))
    #expect(text.contains("100 %  1/1"))
    #expect(text.contains("Streak: 2 days · 2 answers in all"))
    // Without colour the charts are tables of numbers: one answer on each of the last two
    // days.
    #expect(text.contains("Answers per day, last 30 days"))
    #expect(text.contains("01-14  1") && text.contains("01-15  1"))
    #expect(text.contains("Reviews due, next 14 days"))
  }

  @Test("answers to generated cases count towards their step's topic and kind")
  func generatedCasesCount() throws {
    var session = Session(learner: "ana", now: Self.now)
    var expected: [String: Int] = [:]
    var kinds: [String: Int] = [:]
    var right: [String: Int] = [:]
    // Right and wrong in turn, the first step skipped (not counted), as kept with the case.
    for seed: UInt64 in [3, 42] {
      let generated = CaseGenerator.generate(seed: seed)
      var progress = CaseProgress(started: Self.now, updated: Self.now)
      for (index, step) in generated.steps.enumerated() {
        let outcome: Outcome = index == 0 ? .skipped : index % 2 == 0 ? .acceptable : .wrong
        progress.outcomes[step.id] = outcome
        guard outcome != .skipped else { continue }
        expected[step.kind.topic.rawValue, default: 0] += 1
        kinds[step.kind.rawValue, default: 0] += 1
        right[step.kind.topic.rawValue, default: 0] += outcome.isRight ? 1 : 0
      }
      session.cases[generated.id.rawValue] = progress
    }
    #expect(kinds.count > 1)  // the check below covers more than one kind of step
    let stats = DashboardStats.compute(
      course: TutorFixture.course, session: session, now: Self.now, calendar: Self.calendar)
    #expect(
      stats.topics.map { [$0.name: $0.score.answered] }
        == expected.sorted { $0.key < $1.key }.map { [$0.key: $0.value] })
    #expect(
      stats.topics.map { [$0.name: $0.score.right] }
        == right.sorted { $0.key < $1.key }.map { [$0.key: $0.value] })
    #expect(
      Dictionary(uniqueKeysWithValues: stats.stepKinds.map { ($0.name, $0.score.answered) })
        == kinds)
  }

  @Test("progress --json is valid JSON with the figures")
  func progressJSON() throws {
    var session = Session(learner: "ana", now: Self.now)
    let answers = [answer(daysAgo: 0, correct: true)]
    for answer in answers { session.record(answer) }
    var tutor = Tutor(
      course: TutorFixture.course, session: session, clock: { Self.now },
      history: { Array(answers.suffix($0)) })
    guard case .raw(let json)? = tutor.accept("progress --json").blocks.first else {
      Issue.record("expected raw JSON")
      return
    }
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["learner"] as? String == "ana")
    #expect(object["answers"] as? Int == 1)
    #expect((object["days"] as? [Any])?.count == 30)
    #expect((object["lessons"] as? [[String: Any]])?.first?["id"] as? String == "staging")
  }

  @Test("history names the lesson and question and the option chosen, never their ids (B11)")
  func historyInWords() {
    let answers = [answer(daysAgo: 0, correct: true, item: "grading/g1")]
    var tutor = Tutor(
      course: TutorFixture.course, session: Session(learner: "ana", now: Self.now),
      clock: { Self.now }, history: { _ in answers })
    let text = tutor.accept("history").wideText
    #expect(text.contains("✓ Grading, question 1  G2"), "\(text)")
    #expect(!text.contains("grading/g1"))
  }

  @Test("history lists the last answers, newest last; a bad count is an error")
  func history() {
    let answers = (0..<15).map {
      answer(daysAgo: Double(15 - $0) / 100, correct: $0 % 2 == 0, item: "l/q\($0)")
    }
    var tutor = Tutor(
      course: TutorFixture.course, session: Session(learner: "ana", now: Self.now),
      clock: { Self.now }, history: { Array(answers.suffix($0)) })
    let lines = tutor.accept("history").wideText.split(separator: "\n")
    #expect(lines.count == 10)
    // An item no longer in the course is named so, never by its id.
    #expect(lines.last?.contains("✓ an item no longer in the course") == true)
    #expect(!lines.joined().contains("l/q"))
    #expect(tutor.accept("history 3").wideText.split(separator: "\n").count == 3)
    #expect(tutor.accept("history zero").isError)
  }

  @Test("learners lists everyone here and marks the current learner")
  func learners() {
    var tutor = Tutor(
      course: TutorFixture.course, session: Session(learner: "bo", now: Self.now),
      learners: { ["ana", "bo"] })
    let text = tutor.accept("learners").wideText
    #expect(text == "  ana\n  bo  (you)\n")
  }
}

@Suite("Resetting a lesson")
struct ResetTests {
  @Test("reset asks first; yes forgets the place and the answers, anything else keeps them")
  func reset() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(1)
    _ = tutor.accept("b")
    _ = tutor.interrupt()
    let ask = tutor.accept("reset 2").wideText
    #expect(ask.contains("This forgets your place in “Grading”"))
    #expect(tutor.accept("no").wideText.contains("Nothing changed."))
    #expect(tutor.session.lessons["grading"] != nil)
    _ = tutor.accept("reset grading")
    let done = tutor.accept("yes")
    #expect(done.saveNeeded)
    #expect(tutor.session.lessons["grading"] == nil)
    #expect(tutor.session.items["grading/g1"] == nil)
    #expect(tutor.session.answerCount == 1)
    #expect(tutor.accept("reset 9").isError)
  }
}
