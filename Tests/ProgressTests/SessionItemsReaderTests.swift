import Foundation
import Identifiers
import Testing

@testable import Progress

/// The session file's items read straight from the bytes: the same session as the decoder
/// reads, and every file it does not take left to the decoder, which names the problem.
@Suite("Reading a session file's items")
struct SessionItemsReaderTests {
  /// A session whose items use every field: flagged, a case step's outcome, each phase.
  static func variedSession() -> Session {
    var session = sampleSession()
    let start = session.created
    session.record(
      Answer(
        item: "case/c1/s2", response: ["a", "c"], correct: true, at: start.addingTimeInterval(90),
        durationMs: 3_000, hintsUsed: 1, outcome: .acceptable))
    session.record(
      Answer(
        item: "grading/ki67", response: ["a"], correct: false, at: start.addingTimeInterval(9e5),
        durationMs: 0, hintsUsed: 0))
    session.items["grading/ki67"]?.flagged = true
    session.items["old/no-review"] = ItemRecord(attempts: 2, correctCount: 1)
    return session
  }

  static var text: String {
    String(decoding: (try? SessionCoding.encode(variedSession())) ?? Data(), as: UTF8.self)
  }

  @Test("a file nelm writes is read here, to the session the decoder reads")
  func sameSession() throws {
    let session = Self.variedSession()
    let data = try SessionCoding.encode(session)
    let split = try #require(SessionItemsReader.read(data))
    let viaDecoder = try SessionCoding.decoder.decode(Session.self, from: data)
    #expect(split.items == viaDecoder.items)
    #expect(split.items.count == session.items.count)
    #expect(split.items["grading/ki67"]?.flagged == true)
    #expect(split.items["old/no-review"]?.review == nil)
    let decoded = try SessionCoding.decode(data, path: "ana.json", learner: LearnerName("ana"))
    #expect(decoded == viaDecoder)
  }

  /// Edits of one item in a file nelm wrote, and what opening it must say.
  static let corruptItems: [(String, String, String?)] = [
    (
      "\"durationMs\" : 3000", "\"durationMs\" : -5",
      "items.case/c1/s2.last.durationMs is -5; it cannot be negative"
    ),
    (
      "\"attempts\" : 2", "\"attempts\" : -2",
      "items.grading/ki67: attempts and correctCount cannot be negative"
    ),
    ("\"lapses\" : 0,", "\"lapses\" : 0, \"lapses\" : 1,", nil),
    ("\"attempts\" : 2", "\"attempts\" : \"2\"", nil),
    ("\"attempts\" : 2", "\"attempts\" : 1e400", nil),
    ("\"stability\" : 0.212", "\"stability\" : 12345678901234567890", nil),
    ("\"stability\" : 0.212", "\"stability\" : 1e400", nil),
    ("\"phase\" : \"learning\"", "\"phase\" : \"resting\"", nil),
    ("\"outcome\" : \"acceptable\"", "\"outcome\" : \"maybe\"", nil),
  ]

  @Test("a bad item in a file nelm wrote is refused, naming it", arguments: corruptItems)
  func corruptItem(original: String, replacement: String, expected: String?) throws {
    let text = Self.text
    let range = try #require(text.range(of: original))
    let data = Data(text.replacingCharacters(in: range, with: replacement).utf8)
    let ana = try LearnerName("ana")
    let error = progressError { () throws(ProgressError) in
      try SessionCoding.decode(data, path: "ana.json", learner: ana)
    }
    guard case .corrupt(let path, let detail) = error else {
      Issue.record("not refused: \(String(describing: error))")
      return
    }
    #expect(path == "ana.json")
    if let expected { #expect(detail == expected) }
    #expect(detail.contains("items.") || detail.contains("outcome"))
  }

  @Test("keys this nelm does not know, and escapes, are left to the decoder and kept")
  func leftToTheDecoder() throws {
    let text = Self.text.replacingOccurrences(
      of: "\"correctCount\" : 1,", with: "\"correctCount\" : 1, \"note\" : \"keep\","
    )
    .replacingOccurrences(of: "\"old\\/no-review\"", with: "\"old\\/no-revie\\u0077\"")
    .replacingOccurrences(of: "\"old/no-review\"", with: "\"old/no-revie\\u0077\"")
    let data = Data(text.utf8)
    #expect(SessionItemsReader.read(data) == nil)
    let session = try SessionCoding.decode(data, path: "ana.json", learner: LearnerName("ana"))
    #expect(session.items["case/c1/s2"]?.unknown.values["note"] == .string("keep"))
    #expect(session.items["old/no-review"]?.attempts == 2)
    #expect(session.items.count == Self.variedSession().items.count)
  }
}
