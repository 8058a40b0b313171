import Foundation
import Testing

@testable import Progress

/// `Docs/session-format.md` shows a session file; the e2e tests validate that same example
/// against `Docs/session.schema.json`. This suite checks it is byte for byte what the
/// encoder writes, which ties the schema to the real encoder.
@Suite("Documented example")
struct DocumentedExampleTests {
  static let documentURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Docs/session-format.md")

  /// The session the example shows: one lesson under way, one finished, one case under way,
  /// three answers in the log (two of them on reviewable items).
  static var example: Session {
    func date(_ text: String) -> Date { SessionCoding.date(from: text) ?? .distantPast }
    var session = Session(learner: "ana", now: date("2024-02-28T18:02:10.000Z"))
    session.updated = date("2024-03-01T09:52:30.000Z")
    session.lessons["grading"] = LessonProgress(
      position: 3, started: date("2024-03-01T09:30:05.120Z"),
      updated: date("2024-03-01T09:41:07.250Z"))
    session.lessons["intro"] = LessonProgress(
      position: 6, completed: true, started: date("2024-02-28T18:02:11.000Z"),
      updated: date("2024-02-28T18:20:45.512Z"))
    for answer in exampleAnswers { session.record(answer) }
    session.cases["ileal-syndrome-debulking"] = CaseProgress(
      position: 4, started: date("2024-03-01T09:45:00.000Z"),
      updated: date("2024-03-01T09:52:30.000Z"), outcomes: ["best": "acceptable"])
    // Days as a learner in UTC counts them (the example must not depend on the test's zone).
    session.days = [
      "2024-02-28": DayCount(answers: 1, right: 1), "2024-03-01": DayCount(answers: 2, right: 1),
    ]
    session.streak = Streak(first: "2024-03-01", last: "2024-03-01")
    session.logBytes = exampleLogBytes
    return session
  }

  /// The answers of the example's log.
  static var exampleAnswers: [Answer] {
    func date(_ text: String) -> Date { SessionCoding.date(from: text) ?? .distantPast }
    return [
      Answer(
        item: "intro/carcinoid-syndrome", response: ["a", "c"], correct: true,
        at: date("2024-02-28T18:15:02.004Z"), durationMs: 14_250, hintsUsed: 0),
      Answer(
        item: "grading/ki67-g2", response: [], correct: false, skipped: true,
        at: date("2024-03-01T09:41:07.250Z"), durationMs: 3_100, hintsUsed: 1),
      Answer(
        item: "case/ileal-syndrome-debulking/best", response: ["tace"], correct: true,
        at: date("2024-03-01T09:52:30.000Z"), durationMs: 21_800, hintsUsed: 0,
        outcome: "acceptable"),
    ]
  }

  /// The size of the example's answer log, as the design note shows it.
  static let exampleLogBytes = 1_441

  /// The first ```json block of the design note, with the file's final newline.
  static func documentedJSON() throws -> String {
    let text = try String(contentsOf: documentURL, encoding: .utf8)
    guard let start = text.range(of: "```json\n"),
      let end = text.range(of: "\n```", range: start.upperBound..<text.endIndex)
    else { return "" }
    return String(text[start.upperBound..<end.lowerBound]) + "\n"
  }

  @Test("the example in session-format.md is exactly what the encoder writes")
  func exampleMatchesEncoder() throws {
    let encoded = String(decoding: try SessionCoding.encode(Self.example), as: UTF8.self)
    #expect(try Self.documentedJSON() == encoded)
  }

  @Test("the example decodes back to the same session")
  func exampleDecodes() throws {
    let data = Data(try Self.documentedJSON().utf8)
    #expect(
      try SessionCoding.decode(data, path: "ana.json", learner: LearnerName("ana")) == Self.example)
  }
}
