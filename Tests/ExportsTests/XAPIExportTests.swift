import Cases
import Clinical
import Course
import Foundation
import Progress
import Testing

@testable import Exports

@Suite("xAPI export")
struct XAPIExportTests {
  static let wrongG2 = Answer(
    item: "grading/g2", response: ["a"], correct: false, at: ExportFixture.time(),
    durationMs: 1500, hintsUsed: 1)

  static func session(started: Double = -60, updated: Double = 30) -> Session {
    var session = Session(learner: "ana", now: ExportFixture.time(-60))
    session.lessons["grading"] = LessonProgress(
      position: 4, completed: true, started: ExportFixture.time(started),
      updated: ExportFixture.time(updated))
    return session
  }

  static let answers = [
    wrongG2,
    Answer(
      item: "case/ileal/grade", response: ["G2"], correct: true, at: ExportFixture.time(20),
      durationMs: 61_001, hintsUsed: 0, outcome: "correct"),
    Answer(
      item: "grading/g3", response: [], correct: false, skipped: true,
      at: ExportFixture.time(25), durationMs: 0, hintsUsed: 0),
    Answer(
      item: "gone/q9", response: ["a b"], correct: false, at: ExportFixture.time(40),
      durationMs: 4, hintsUsed: 0),
  ]

  static let record = LearnerRecord(learner: "ana", session: session(), answers: answers)

  static let settings = XAPIExport.Settings(
    actor: .local(name: "ana"), courseVersion: "c0ffee", platform: "nelm 9.9")

  static func statements(
    _ record: LearnerRecord = record, course: Course = ExportFixture.course,
    settings: XAPIExport.Settings = settings, since: XAPIExport.Since? = nil
  ) -> [[String: Any]] {
    let values =
      (try? XAPIExport.statements(for: record, course: course, settings: settings, since: since))
      ?? []
    return values.compactMap { $0.foundationObject as? [String: Any] }
  }

  static func value(_ statement: [String: Any], _ path: String...) -> Any? {
    var current: Any? = statement
    for key in path { current = (current as? [String: Any])?[key] }
    return current
  }

  static func ids(_ statements: [[String: Any]]) -> [String] {
    statements.compactMap { $0["id"] as? String }
  }

  @Test("B15: a generated case's id is written the same way in its own IRI and its steps'")
  func oneCaseIDOneSpelling() {
    let catalog = ItemCatalog(course: ExportFixture.course)
    let caseIRI = XAPIExport.Activity.clinicalCase("random:5:transplant", in: catalog).id
    let stepIRI = XAPIExport.Activity.item("case/random:5:transplant/grade", in: catalog).id
    #expect(caseIRI.hasSuffix("/cases/random:5:transplant"))
    #expect(stepIRI.hasSuffix("/items/case/random:5:transplant/grade"))
  }

  @Test func answersThenTheCompletionInTimeOrderWithTheEventsTimes() {
    let all = Self.statements()
    #expect(
      all.map { Self.value($0, "verb", "id") as? String ?? "" }.map {
        $0.split(separator: "/").last
      }
        == ["answered", "answered", "answered", "completed", "answered"])
    // The lesson's completion is when its last question was first answered in this run
    // (25 s), not when it was last reopened (30 s).
    #expect(Self.value(all[3], "timestamp") as? String == "2027-01-15T08:00:25.000Z")
    #expect(Self.value(all[0], "timestamp") as? String == "2027-01-15T08:00:00.000Z")
    #expect(Set(Self.ids(all)).count == all.count)
  }

  @Test func editingTheCourseChangesTheDefinitionsButNoId() {
    var edited = ExportFixture.course
    edited.lessons[0].questions[1].stem = "Which measures set the grade, again?"
    edited.lessons[0].title = "Grading, renamed"
    let before = Self.statements()
    var version = Self.settings
    version.courseVersion = "beef"
    let after = Self.statements(course: edited, settings: version)
    #expect(Self.ids(before) == Self.ids(after))
    let name = { (s: [String: Any]) in Self.value(s, "object", "definition", "name", "en-US") }
    #expect(name(after[0]) as? String == "Which measures set the grade, again?")
    #expect(name(before[0]) as? String == "Which two measures set the grade?")
    let key = XAPIExport.courseVersionKey
    #expect(Self.value(after[0], "context", "extensions", key) as? String == "beef")
    #expect(Self.value(before[0], "context", "extensions", key) as? String == "c0ffee")
  }

  @Test func anotherIdentityGivesOtherIdsAndActors() {
    var hospital = Self.settings
    hospital.actor = .account(homePage: "https://sso.example.org", name: "ana")
    var email = Self.settings
    email.actor = .email(" Ana@Example.ORG")
    let local = Self.statements()
    let there = Self.statements(settings: hospital)
    let mailed = Self.statements(settings: email)
    #expect(Set(Self.ids(local)).isDisjoint(with: Self.ids(there)))
    #expect(Set(Self.ids(there)).isDisjoint(with: Self.ids(mailed)))
    #expect(
      Self.value(there[0], "actor", "account", "homePage") as? String
        == "https://sso.example.org")
    // SHA-1 of "mailto:ana@example.org", as `printf %s mailto:ana@example.org | sha1sum` says.
    #expect(
      Self.value(mailed[0], "actor", "mbox_sha1sum") as? String
        == "0e5544afbb6be286591577af49b31b0187a46ef0")
    #expect(Self.value(mailed[0], "actor", "account") == nil)
  }

  @Test func theSameItemAnsweredTwiceInTheSameMillisecondIsTwoStatements() {
    let twice = LearnerRecord(learner: "ana", session: nil, answers: [Self.wrongG2, Self.wrongG2])
    let all = Self.statements(twice)
    #expect(all.count == 2 && Set(Self.ids(all)).count == 2)
    let key = "https://nelm.invalid/xapi/attempt"
    #expect(all.map { Self.value($0, "context", "extensions", key) as? Double } == [1, 2])
  }

  @Test func reopeningACompletedLessonAddsNoCompletionButResettingIt() {
    let completion = { (session: Session) in
      Self.statements(LearnerRecord(learner: "ana", session: session, answers: Self.answers))
        .filter { (Self.value($0, "verb", "id") as? String)?.hasSuffix("completed") == true }
    }
    let first = completion(Self.session())
    let reopened = completion(Self.session(updated: 900))
    let reset = completion(Self.session(started: 10, updated: 900))
    #expect(first.count == 1)
    #expect(Self.ids(first) == Self.ids(reopened))
    #expect(
      Self.value(first[0], "timestamp") as? String == Self.value(reopened[0], "timestamp")
        as? String)
    #expect(Self.ids(first) != Self.ids(reset))
  }

  @Test func choicesResponsesAndDurationsAsTheStoresWantThem() {
    let all = Self.statements()
    // A skipped answer says so, and has no (empty) response.
    #expect(Self.value(all[2], "result", "response") == nil)
    #expect(
      Self.value(all[2], "result", "extensions", "https://nelm.invalid/xapi/skipped") as? Bool
        == true)
    // An option id with a blank is percent-encoded, in the response as in the choices.
    #expect(Self.value(all[4], "result", "response") as? String == "a%20b")
    #expect(Self.value(all[0], "result", "response") as? String == "a")
    #expect(Self.value(all[0], "result", "duration") as? String == "PT1.5S")
    #expect(Self.value(all[1], "result", "duration") as? String == "PT1M1S")
    #expect(Self.value(all[4], "result", "duration") as? String == "PT0S")
    #expect(
      Self.value(all[0], "object", "definition", "correctResponsesPattern") as? [String]
        == ["a[,]c"])
    #expect(Self.value(all[0], "context", "platform") as? String == "nelm 9.9")
    #expect(
      (Self.value(all[0], "context", "contextActivities", "parent") as? [[String: Any]])?.first?[
        "id"] as? String == "https://nelm.invalid/lessons/grading")
  }

  @Test(arguments: [
    ("G2", "G2"), ("NET G1", "NET%20G1"), ("age_over_55", "age_over_55"), ("a,b", "a%2Cb"),
    ("[x]", "%5Bx%5D"), ("ü", "%C3%BC"), ("100%", "100%25"),
  ])
  func choiceIDs(id: String, encoded: String) {
    #expect(XAPIChoiceID.encode(id) == encoded)
  }

  @Test(arguments: [
    (0, "PT0S"), (4, "PT0S"), (5, "PT0.01S"), (1500, "PT1.5S"), (3104, "PT3.1S"),
    (14_250, "PT14.25S"), (14_255, "PT14.26S"), (59_996, "PT1M"), (60_000, "PT1M"),
    (61_001, "PT1M1S"), (3_600_000, "PT1H"), (3_725_250, "PT1H2M5.25S"), (-3, "PT0S"),
  ])
  func durations(milliseconds: Int, text: String) {
    #expect(ISODuration.text(milliseconds: milliseconds) == text)
  }

  @Test func sinceAnOffsetOrADate() {
    // Lines of 100 bytes in a record made in memory: offset 100 is the second answer.
    let later = Self.statements(since: .offset(100))
    #expect(Self.ids(later) == Array(Self.ids(Self.statements()).dropFirst()))
    let byDate = Self.statements(since: .date(ExportFixture.time(21)))
    #expect(Self.ids(byDate) == Array(Self.ids(Self.statements()).dropFirst(2)))
    #expect(Self.statements(since: .date(ExportFixture.time(41))).isEmpty)
  }
}
