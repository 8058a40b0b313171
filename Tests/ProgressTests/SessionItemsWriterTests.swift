import Foundation
import Identifiers
import Testing

@testable import Progress

/// The session file's items written as text: byte for byte what `JSONEncoder` writes, and
/// whatever the direct writer does not produce exactly left to the encoder.
@Suite("Writing a session file's items")
struct SessionItemsWriterTests {
  /// A learner of a few months: 600 answers over 90 items (questions and case steps), right,
  /// wrong, skipped, with hints and outcomes, each scheduled by FSRS as the shell records it.
  static func monthsOfAnswers() -> Session {
    var session = sampleSession()
    var time = session.created
    let outcomes: [Outcome?] = [nil, .correct, .acceptable, .wrong]
    // Strides prime to each period, so items, gaps and answers mix without a generator.
    for index in 0..<600 {
      let item = index * 37 % 90
      let step = item % 3 == 0
      let skipped = index % 10 == 3
      time = time.addingTimeInterval(Double(index * 7_919 % 400_000) + 0.123)
      session.record(
        Answer(
          item: ItemID(step ? "case/c\(item)/s\(item % 4)" : "lesson\(item % 12)/q\(item)"),
          response: skipped ? [] : (index % 7 == 0 ? ["a", "c"] : ["b"]),
          correct: !skipped && index * 13 % 10 < 7, skipped: skipped, at: time,
          durationMs: index * 4_099 % 60_000, hintsUsed: index % 3,
          outcome: step ? outcomes[index / 3 % 4] : nil))
      if index % 50 == 0 {
        session.items[session.items.keys.sorted()[0]]?.flagged = index % 100 == 0
      }
    }
    session.items["old/no-review"] = ItemRecord(attempts: 2, correctCount: 1)
    session.items["lesson1/é-accent"] = ItemRecord(attempts: 1, correctCount: 0)
    return session
  }

  static let sessions: [(String, Session)] = [
    ("the reader's varied session", SessionItemsReaderTests.variedSession()),
    ("months of answers", monthsOfAnswers()),
    (
      "numbers in every form the encoder prints",
      {
        var session = SessionItemsReaderTests.variedSession()
        let values = [1e-7, 1e16, 3.0, 0.1, 12_345_678_901_234_567.0, 2.5e-4, 100.0]
        for (index, value) in values.enumerated() {
          var review = session.items["grading/ki67"]?.review
          review?.stability = value
          review?.difficulty = values[(index + 1) % values.count]
          session.items["numbers/\(index)"] = ItemRecord(
            attempts: 1, correctCount: 1, review: review)
        }
        return session
      }()
    ),
  ]

  @Test("the file is the encoder's, byte for byte", arguments: sessions.map(\.0))
  func sameBytes(name: String) throws {
    let session = try #require(Self.sessions.first { $0.0 == name }?.1)
    #expect(try SessionItemsWriter.write(session, encode: SessionCoding.encoder.encode) != nil)
    let written = try SessionCoding.encode(session)
    let encoded = try SessionCoding.encodeWithEncoder(session)
    #expect(written == encoded)
    if written != encoded {
      let ours = String(decoding: written, as: UTF8.self).split(separator: "\n")
      let theirs = String(decoding: encoded, as: UTF8.self).split(separator: "\n")
      let first = ours.indices.first { $0 >= theirs.count || ours[$0] != theirs[$0] }
      Issue.record("first difference at line \((first ?? ours.count) + 1)")
    }
  }

  /// Session files nelm wrote in real use: the e2e tests' learners with generated cases
  /// (read back, then written both ways), and any files named in `NELM_SESSION_FILES`
  /// (colon-separated; for a one-off check of large learners).
  static var realFiles: [String] {
    let e2e = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../e2e/fixtures/recap").standardized.path
    let given =
      ProcessInfo.processInfo.environment["NELM_SESSION_FILES"]?
      .split(separator: ":").map(String.init) ?? []
    return [e2e + "/eva/eva.json", e2e + "/mixed/mixed.json"] + given
  }

  @Test("a session file nelm wrote is written again to the same bytes", arguments: realFiles)
  func realFile(path: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let name = try LearnerName(
      URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
    let session = try SessionCoding.decode(data, path: path, learner: name)
    // A file without items is the encoder's alone (eva's answers are all in generated cases).
    #expect(
      try SessionItemsWriter.write(session, encode: SessionCoding.encoder.encode) != nil
        || session.items.isEmpty)
    #expect(try SessionCoding.encode(session) == data)
    #expect(try SessionCoding.encodeWithEncoder(session) == data)
  }

  /// Sessions the writer leaves to the encoder, and why.
  static let leftToTheEncoder: [(String, Session)] = [
    ("no items", sampleSession().with { $0.items = [:] }),
    (
      "an item key kept from a newer nelm",
      sampleSession().with {
        $0.items["grading/ki67"]?.unknown.values["later"] = .string("kept")
      }
    ),
    (
      "an answer key kept from a newer nelm",
      sampleSession().with {
        $0.items["grading/ki67"]?.last?.unknown.values["later"] = .bool(true)
      }
    ),
    (
      "a review key kept from a newer nelm",
      sampleSession().with {
        $0.items["grading/ki67"]?.review?.unknown.values["later"] = .number(1)
      }
    ),
    (
      "a response the encoder escapes",
      sampleSession().with {
        $0.items["grading/ki67"]?.last?.response = ["say \"b\""]
      }
    ),
    (
      "an item id with a backslash",
      sampleSession().with {
        $0.items["back\\slash"] = ItemRecord(attempts: 1, correctCount: 1)
      }
    ),
  ]

  @Test(
    "what the writer does not produce exactly goes through the encoder", arguments: leftToTheEncoder
  )
  func leftToEncoder(name: String, session: Session) throws {
    #expect(try SessionItemsWriter.write(session, encode: SessionCoding.encoder.encode) == nil)
    #expect(try SessionCoding.encode(session) == SessionCoding.encodeWithEncoder(session))
  }
}

extension Session {
  /// A copy with `change` applied.
  fileprivate func with(_ change: (inout Session) -> Void) -> Session {
    var copy = self
    change(&copy)
    return copy
  }
}
