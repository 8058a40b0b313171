import Clinical
import Course
import Foundation
import Progress
import Testing

@testable import Exports

/// The statements written straight as text (`XAPIStatementBuilder.write`) against the general
/// path (a `JSONValue` tree, pretty-printed): the same bytes, whatever the text holds.
@Suite("xAPI statements as text")
struct XAPIStatementTextTests {
  /// Quotes, backslashes, control characters, DEL and C1, a bidirectional override,
  /// non-ASCII text and `</`.
  static let odd = "a \"b\" c\\d\te\u{1}f\u{7F}\u{85} \u{202E}é ü 中 </script> 🙂"

  static var course: Course {
    var lesson = ExportFixture.lesson
    lesson.title = "Lesson " + odd
    lesson.questions[0].stem = "Stem " + odd
    lesson.questions[0].options[1].text = odd
    lesson.questions[1].options[0].id = "a b\"</"
    lesson.questions[1].key = ["a b\"</", "c"]
    var clinicalCase = ExportFixture.clinicalCase
    clinicalCase.title = "Case " + odd
    return Course(lessons: [lesson], cases: [clinicalCase, ExportFixture.unkeyed])
  }

  static let answers = [
    Answer(
      item: "grading/g1", response: ["b"], correct: true, at: ExportFixture.time(),
      durationMs: 1500, hintsUsed: 1),
    Answer(
      item: "grading/g2", response: ["a b\"</", "c"], correct: true, at: ExportFixture.time(5),
      durationMs: 3_725_010, hintsUsed: 0),
    Answer(
      item: "case/ileal/first", response: ["biopsy"], correct: true, at: ExportFixture.time(9),
      durationMs: 2, hintsUsed: 0, outcome: "correct"),
    Answer(
      item: "case/ileal/grade", response: ["G2"], correct: false, at: ExportFixture.time(20),
      durationMs: 61_001, hintsUsed: 2, outcome: "wrong"),
    Answer(
      item: "grading/g1", response: [], correct: false, skipped: true,
      at: ExportFixture.time(25), durationMs: 0, hintsUsed: 0),
    Answer(
      item: "case/unkeyed/grade", response: ["x"], correct: false, at: ExportFixture.time(30),
      durationMs: 10, hintsUsed: 0),
    Answer(
      item: "gone/q9", response: ["a b"], correct: false, at: ExportFixture.time(40),
      durationMs: 4, hintsUsed: 0),
  ]

  static var record: LearnerRecord {
    var session = Session(learner: "ana", now: ExportFixture.time(-60))
    session.lessons["grading"] = LessonProgress(
      position: 4, completed: true, started: ExportFixture.time(-60),
      updated: ExportFixture.time(30))
    session.cases["ileal"] = CaseProgress(
      position: 2, completed: true, started: ExportFixture.time(8),
      updated: ExportFixture.time(20))
    return LearnerRecord(learner: "ana", session: session, answers: answers)
  }

  static let settings: [XAPIExport.Settings] = [
    .init(actor: .local(name: "ana " + odd), courseVersion: "c0ffee", platform: "nelm " + odd),
    .init(
      actor: .account(homePage: "https://sso.example/\"</", name: odd), courseVersion: nil,
      platform: "nelm 9.9"),
    .init(actor: .email("Ana@Example.org"), courseVersion: odd, platform: "nelm 9.9"),
  ]

  @Test("the text path writes the bytes of the pretty-printed statements", arguments: settings)
  func sameBytes(settings: XAPIExport.Settings) throws {
    let course = Self.course
    let events = try XAPIExport.events(of: Self.record, course: course)
    #expect(events.count == Self.answers.count + 2)
    let builder = XAPIStatementBuilder(course: course, settings: settings)
    let general = XAPIExport.text(of: builder.statements(for: events))
    #expect(builder.text(of: events) == general)
    var streamed = ""
    try XAPIExport.write(Self.record, course: course, settings: settings) { streamed += $0 }
    #expect(streamed == general)
    // The odd text survives as itself.
    let parsed = try JSONSerialization.jsonObject(with: Data(streamed.utf8)) as? [[String: Any]]
    let first = try #require(parsed?.first)
    let object = first["object"] as? [String: Any]
    let name = (object?["definition"] as? [String: Any])?["name"] as? [String: Any]
    #expect(name?["en-US"] as? String == "Stem " + Self.odd)
  }

  @Test("no events: an empty list")
  func empty() {
    let builder = XAPIStatementBuilder(course: Self.course, settings: Self.settings[0])
    #expect(builder.text(of: []) == "[]\n")
    #expect(builder.text(of: []) == XAPIExport.text(of: []))
  }

  @Test("JSON strings: plain ASCII copied whole, the rest escaped as before")
  func quoting() {
    #expect(JSONValue.quoted("plain text </ ok") == "\"plain text </ ok\"")
    #expect(
      JSONValue.quoted("q\"b\\t\t\u{1}\u{7F}\u{202E}é")
        == "\"q\\\"b\\\\t\\t\\u0001\\u007f\\u202eé\"")
    #expect(JSONValue.quoted("") == "\"\"")
  }
}
