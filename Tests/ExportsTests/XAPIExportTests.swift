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

  static var record: LearnerRecord {
    var session = Session(learner: "ana", now: ExportFixture.time(-60))
    session.lessons["grading"] = LessonProgress(
      position: 4, completed: true, started: ExportFixture.time(-60),
      updated: ExportFixture.time(30))
    return LearnerRecord(
      learner: "ana", session: session,
      answers: [
        wrongG2,
        Answer(
          item: "case/ileal/grade", response: ["G2"], correct: true, at: ExportFixture.time(20),
          durationMs: 61_001, hintsUsed: 0, outcome: "correct"),
        Answer(
          item: "gone/q9", response: [], correct: false, skipped: true,
          at: ExportFixture.time(40), durationMs: 0, hintsUsed: 0),
      ])
  }

  let statements = XAPIExport.statements(for: record, course: ExportFixture.course)

  static func english(_ text: String) -> JSONValue { .object([.init("en-US", .string(text))]) }

  static let lessonActivity = JSONValue.object([
    .init("objectType", .string("Activity")),
    .init("id", .string("https://nelm.invalid/lessons/grading")),
    .init(
      "definition",
      .object([
        .init("name", english("Grading & staging")),
        .init("type", .string("http://adlnet.gov/expapi/activities/lesson")),
      ])),
  ])

  static let actor = JSONValue.object([
    .init("objectType", .string("Agent")),
    .init(
      "account",
      .object([
        .init("homePage", .string("https://nelm.invalid")), .init("name", .string("ana")),
      ])),
  ])

  /// A wrong answer to a multiple-choice question, every field as xAPI 1.0.3 words it; the id
  /// is uuid5(uuid5(URL, "https://nelm.invalid"), "ana\nanswered\n<object id>\n<time>").
  @Test func anAnswerIsAnAnsweredStatementAboutAChoiceInteraction() {
    let choice = { (id: String, text: String) in
      JSONValue.object([.init("id", .string(id)), .init("description", Self.english(text))])
    }
    let expected = JSONValue.object([
      .init("id", .string("81868187-dcb4-5f79-bb7f-336c921181ef")),
      .init("actor", Self.actor),
      .init(
        "verb",
        .object([
          .init("id", .string("http://adlnet.gov/expapi/verbs/answered")),
          .init("display", Self.english("answered")),
        ])),
      .init(
        "object",
        .object([
          .init("objectType", .string("Activity")),
          .init("id", .string("https://nelm.invalid/items/grading/g2")),
          .init(
            "definition",
            .object([
              .init("name", Self.english("Which two measures set the grade?")),
              .init("type", .string("http://adlnet.gov/expapi/activities/cmi.interaction")),
              .init("interactionType", .string("choice")),
              .init("correctResponsesPattern", .array([.string("a[,]c")])),
              .init(
                "choices",
                .array([choice("a", "Ki-67"), choice("b", "Size > 2 cm"), choice("c", "Mitoses")])
              ),
            ])),
        ])),
      .init(
        "result",
        .object([
          .init("response", .string("a")),
          .init("success", .bool(false)),
          .init("duration", .string("PT1.5S")),
          .init(
            "extensions",
            .object([
              .init("https://nelm.invalid/xapi/hints-used", .number(1)),
              .init("https://nelm.invalid/xapi/skipped", .bool(false)),
            ])),
        ])),
      .init(
        "context",
        .object([
          .init("contextActivities", .object([.init("parent", .array([Self.lessonActivity]))]))
        ])),
      .init("timestamp", .string("2027-01-15T08:00:00.000Z")),
    ])
    #expect(statements.first == expected)
  }

  @Test func aCompletedLessonIsACompletedStatementInTimeOrder() {
    #expect(statements.count == 4)
    let expected = JSONValue.object([
      .init("id", .string("fc899805-5c5c-5e0c-96f0-ef984735f761")),
      .init("actor", Self.actor),
      .init(
        "verb",
        .object([
          .init("id", .string("http://adlnet.gov/expapi/verbs/completed")),
          .init("display", Self.english("completed")),
        ])),
      .init("object", Self.lessonActivity),
      .init("result", .object([.init("completion", .bool(true))])),
      .init("timestamp", .string("2027-01-15T08:00:30.000Z")),
    ])
    // Answers at 0 s, 20 s and 40 s; the lesson was completed at 30 s.
    #expect(statements[2] == expected)
  }

  @Test func aCaseStepOffersTheEnginesChoicesAndKey() throws {
    guard case .object(let members) = statements[1],
      case .object(let object)? = members.first(where: { $0.key == "object" })?.value,
      case .object(let definition)? = object.first(where: { $0.key == "definition" })?.value
    else {
      Issue.record("not an object: \(statements[1])")
      return
    }
    let fields = Dictionary(uniqueKeysWithValues: definition.map { ($0.key, $0.value) })
    #expect(
      fields["name"]
        == Self.english("Flushing and a nodular liver, step 2: What is the grade (ENETS/WHO 2010)?")
    )
    #expect(fields["correctResponsesPattern"] == .array([.string("G2")]))
    let ids = ["G1", "G2", "G3"].map {
      JSONValue.object([.init("id", .string($0)), .init("description", Self.english($0))])
    }
    #expect(fields["choices"] == .array(ids))
    let result = members.first { $0.key == "result" }?.value
    guard case .object(let resultMembers)? = result else { return }
    #expect(resultMembers.first { $0.key == "duration" }?.value == .string("PT1M1.001S"))
    #expect(
      resultMembers.first { $0.key == "extensions" }?.value
        == .object([
          .init("https://nelm.invalid/xapi/hints-used", .number(0)),
          .init("https://nelm.invalid/xapi/skipped", .bool(false)),
          .init("https://nelm.invalid/xapi/outcome", .string("correct")),
        ]))
  }

  @Test func anItemTheCourseNoLongerHasKeepsItsIdAndType() {
    guard case .object(let members) = statements[3] else { return }
    #expect(
      members.first { $0.key == "object" }?.value
        == .object([
          .init("objectType", .string("Activity")),
          .init("id", .string("https://nelm.invalid/items/gone/q9")),
          .init(
            "definition",
            .object([
              .init("type", .string("http://adlnet.gov/expapi/activities/cmi.interaction")),
              .init("interactionType", .string("choice")),
            ])),
        ]))
    #expect(!members.contains { $0.key == "context" })
  }

  @Test func theTextIsAJSONArrayEndingWithALineBreak() throws {
    let text = XAPIExport.text(for: Self.record, course: ExportFixture.course)
    #expect(text.hasSuffix("]\n"))
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any]
    #expect(parsed?.count == 4)
    #expect(text == XAPIExport.text(for: Self.record, course: ExportFixture.course))
  }

  @Test(arguments: [
    (0, "PT0S"), (5, "PT0.005S"), (1500, "PT1.5S"), (3100, "PT3.1S"), (14_250, "PT14.25S"),
    (60_000, "PT1M"), (61_001, "PT1M1.001S"), (3_600_000, "PT1H"), (3_725_250, "PT1H2M5.25S"),
    (-3, "PT0S"),
  ])
  func durations(milliseconds: Int, text: String) {
    #expect(ISODuration.text(milliseconds: milliseconds) == text)
  }
}
