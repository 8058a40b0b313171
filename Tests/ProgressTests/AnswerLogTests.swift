import Foundation
import Identifiers
import Testing

@testable import Progress

@Suite("Answer log")
struct AnswerLogTests {
  func answer(_ item: String, at seconds: Double, correct: Bool = true) -> Answer {
    Answer(
      item: ItemID(item), response: ["a"], correct: correct,
      at: Date(timeIntervalSince1970: 1_709_285_400 + seconds), durationMs: 900, hintsUsed: 0)
  }

  @Test("answers are appended, flushed and read back in order; the file is the learner's own")
  func appendAndRead() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let open = try store.open(LearnerName("ana"), now: Date())
      defer { open.close() }
      try open.append([answer("l/q1", at: 1), answer("l/q2", at: 2)])
      try open.append([answer("l/q1", at: 3, correct: false)])
      let read = try AnswerLog.read(open.logURL)
      #expect(read.map(\.item) == ["l/q1", "l/q2", "l/q1"])
      #expect(read.last?.correct == false)
      let mode = try FileManager.default.attributesOfItem(atPath: open.logURL.path)[
        .posixPermissions]
      #expect((mode as? Int) == 0o600)
      #expect(try open.recentAnswers(limit: 2).map(\.item) == ["l/q2", "l/q1"])
    }
  }

  @Test("answers logged after the last save are counted again when the session reopens")
  func recountAfterCrash() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let learner = try LearnerName("ana")
      let open = try store.open(learner, now: Date())
      var session = open.session
      let first = answer("l/q1", at: 1)
      session.record(first)
      try open.append([first])
      try open.save(session)
      // A crash after the append of the second answer, before its save.
      try open.append([answer("l/q2", at: 2, correct: false)])
      open.close()

      let reopened = try store.open(learner, now: Date())
      defer { reopened.close() }
      #expect(reopened.session.answerCount == 2)
      #expect(reopened.session.items["l/q2"]?.attempts == 1)
      #expect(reopened.session.items["l/q2"]?.correctCount == 0)
      #expect(reopened.session.items["l/q1"]?.correctCount == 1)
    }
  }

  @Test("half a line left by a crash mid-append is moved aside and cut off; whole lines stay")
  func tornTail() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let learner = try LearnerName("ana")
      let open = try store.open(learner, now: Date())
      try open.append([answer("l/q1", at: 1)])
      let log = open.logURL
      open.close()
      let handle = try FileHandle(forWritingTo: log)
      try handle.seekToEnd()
      try handle.write(contentsOf: Data(#"{"at":"2024-03-01T09:3"#.utf8))
      try handle.close()

      let reopened = try store.open(learner, now: Date(timeIntervalSince1970: 1_800_000_000))
      defer { reopened.close() }
      #expect(try AnswerLog.read(log).map(\.item) == ["l/q1"])
      let torn = directory.url.appendingPathComponent("ana.answers.jsonl.torn-1800000000")
      #expect(try String(contentsOf: torn, encoding: .utf8) == #"{"at":"2024-03-01T09:3"#)
      #expect(reopened.session.answerCount == 1)
    }
  }

  @Test("a version 1 file is migrated: answers to the log, summaries rebuilt, old file kept")
  func migrationFromVersion1() throws {
    let fixture = try #require(
      Bundle.module.url(forResource: "Fixtures/v1/ana", withExtension: "json"))
    let original = try Data(contentsOf: fixture)
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let learner = try LearnerName("ana")
      try original.write(to: store.fileURL(for: learner))
      let open = try store.open(learner, now: Date())
      let session = open.session
      let logURL = open.logURL
      open.close()

      #expect(session.schemaVersion == Session.currentSchemaVersion)
      #expect(session.answerCount == 3)
      #expect(session.lessons["grading"]?.position == 3)
      #expect(session.items["intro/carcinoid-syndrome"]?.correctCount == 1)
      #expect(session.items["grading/ki67-g2"]?.last?.skipped == true)
      #expect(session.cases["ileal-syndrome-debulking"]?.position == 4)
      let log = try AnswerLog.read(logURL)
      #expect(
        log.map(\.item) == [
          "intro/carcinoid-syndrome", "grading/ki67-g2", "case/ileal-syndrome-debulking/best",
        ])
      #expect(log.last?.outcome == "acceptable")
      let kept = directory.url.appendingPathComponent("ana.json.v1")
      #expect(try Data(contentsOf: kept) == original)
      // Opening again reads version 2 and leaves the log as it is.
      let again = try store.open(learner, now: Date())
      defer { again.close() }
      #expect(again.session == session)
      #expect(try AnswerLog.read(logURL).count == 3)
    }
  }

  @Test("a log line that is not an answer is reported with its line number")
  func corruptLine() throws {
    try withTemporaryDirectory { directory in
      let url = directory.url.appendingPathComponent("ana.answers.jsonl")
      let good = try AnswerLog.lines([answer("l/q1", at: 1)])
      try (good + Data("not json\n".utf8)).write(to: url)
      #expect(
        throws: ProgressError.corruptLog(
          path: url.path, line: 2,
          detail: "not a valid answer: not valid JSON: invalid value at line 1, column 2")
      ) {
        try AnswerLog.read(url)
      }
    }
  }
}
