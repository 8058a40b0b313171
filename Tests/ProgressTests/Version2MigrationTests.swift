import Foundation
import Testing

@testable import Progress

/// Session files and logs written by nelm 0.1 (schema version 2, `Fixtures/v2`), opened by
/// this nelm: nothing the learner did is lost, the log is not rewritten, the old file is kept.
@Suite("Migration from version 2")
struct Version2MigrationTests {
  static let now = Date(timeIntervalSince1970: 1_800_000_000)

  /// Copies the fixture learner `name` (session file and log) into `directory`; returns the
  /// original bytes of both.
  static func plant(_ name: String, in directory: URL) throws -> (session: Data, log: Data) {
    var bytes: [Data] = []
    for suffix in [".json", ".answers.jsonl"] {
      let fixture = try #require(
        Bundle.module.url(forResource: "Fixtures/v2/" + name + suffix, withExtension: nil))
      let data = try Data(contentsOf: fixture)
      try data.write(to: directory.appendingPathComponent(name + suffix))
      bytes.append(data)
    }
    return (bytes[0], bytes[1])
  }

  /// The version 2 file as it was written, decoded without the migration.
  static func original(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test("a learner with lessons, cases and a quiz keeps every answer, place and review")
  func fullLearner() throws {
    try withTemporaryDirectory { directory in
      let (sessionBytes, logBytes) = try Self.plant("ana", in: directory.url)
      let store = SessionStore(directory: directory.url)
      let learner = try LearnerName("ana")
      let old = try Self.original(sessionBytes)

      let open = try store.open(learner, now: Self.now)
      let session = open.session
      open.close()

      #expect(session.schemaVersion == Session.currentSchemaVersion)
      // The log is never rewritten, and every line of it is counted.
      let log = try Data(contentsOf: open.logURL)
      #expect(log == logBytes)
      #expect(session.logBytes == logBytes.count)
      #expect(session.answerCount == 31)
      // The days are counted from the log: every answer falls on one.
      #expect(session.days.values.map(\.answers).reduce(0, +) == 31)
      #expect(session.streak != nil)
      // Each item keeps its counts, its last answer and its review state.
      let oldItems = try #require(old["items"] as? [String: [String: Any]])
      #expect(Set(session.items.keys) == Set(oldItems.keys))
      for (id, item) in oldItems {
        #expect(session.items[id]?.attempts == item["attempts"] as? Int)
        #expect(session.items[id]?.correctCount == item["correctCount"] as? Int)
        let oldDue = (item["review"] as? [String: Any])?["due"] as? String
        #expect(session.items[id]?.review.flatMap { Timestamp.string(from: $0.due) } == oldDue)
      }
      // Lessons and the quiz keep their places; a case keeps its place unless it was opened
      // and left without an answer (`random:7:grading`, the quiz's cases not yet reached),
      // which leaves nothing behind.
      let oldLessons = try #require(old["lessons"] as? [String: [String: Any]])
      for (id, lesson) in oldLessons {
        #expect(session.lessons[id]?.position == lesson["position"] as? Int)
        #expect(session.lessons[id]?.completed == lesson["completed"] as? Bool)
      }
      let oldCases = try #require(old["cases"] as? [String: [String: Any]])
      let untouched = oldCases.filter { $0.value["position"] as? Int == 0 }.map(\.key)
      #expect(untouched.contains("random:7:grading"))
      #expect(untouched.count < oldCases.count - 2)
      for (id, run) in oldCases {
        let kept = untouched.contains(id) ? nil : run["position"] as? Int
        #expect(session.cases[id]?.position == kept, "case \(id)")
        if !untouched.contains(id) {
          #expect(session.cases[id]?.completed == run["completed"] as? Bool, "case \(id)")
        }
      }
      let oldQuiz = try #require(old["quiz"] as? [String: Any])
      #expect(session.quiz?.cases.map(\.rawValue) == oldQuiz["cases"] as? [String])
      // The file as it was is kept beside, byte for byte.
      let copy = directory.url.appendingPathComponent("ana.json.v2")
      #expect(try Data(contentsOf: copy) == sessionBytes)

      // Opened again: the same session, and the copy is not made twice.
      let again = try store.open(learner, now: Self.now)
      again.close()
      #expect(again.session == session)
      let names = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
      #expect(names.filter { $0.hasPrefix("ana.json.v2") } == ["ana.json.v2"])
    }
  }

  @Test("a crash between the log's append and the file's save: the logged answer is counted")
  func crashBetweenAppendAndSave() throws {
    try withTemporaryDirectory { directory in
      let (sessionBytes, logBytes) = try Self.plant("bob", in: directory.url)
      let old = try Self.original(sessionBytes)
      #expect(old["answerCount"] as? Int == 1)
      #expect(old["logBytes"] as? Int ?? 0 < logBytes.count)
      let store = SessionStore(directory: directory.url)

      let open = try store.open(try LearnerName("bob"), now: Self.now)
      open.close()
      #expect(open.session.answerCount == 2)
      #expect(open.session.logBytes == logBytes.count)
      #expect(open.session.days.values.map(\.answers).reduce(0, +) == 2)
      #expect(try Data(contentsOf: open.logURL) == logBytes)
      #expect(open.session.lessons["clinical-picture"]?.position == 8)
    }
  }

  @Test("then an answer is one log line; the next open counts it from the log alone")
  func answerAfterMigration() throws {
    try withTemporaryDirectory { directory in
      let (_, logBytes) = try Self.plant("ana", in: directory.url)
      let store = SessionStore(directory: directory.url)
      let learner = try LearnerName("ana")
      let open = try store.open(learner, now: Self.now)
      let fileAfterMigration = try Data(contentsOf: open.fileURL)
      var target = open.session
      let answer = Answer(
        item: "grading-and-staging/new-question", response: ["a"], correct: true,
        at: Self.now, durationMs: 1200, hintsUsed: 0)
      target.record(answer)
      try open.record([answer], reaching: target)
      // No checkpoint: the session file is as the migration left it (a crash here).
      #expect(try Data(contentsOf: open.fileURL) == fileAfterMigration)
      open.close()

      let reopened = try store.open(learner, now: Self.now)
      reopened.close()
      #expect(reopened.session.answerCount == 32)
      #expect(reopened.session.items["grading-and-staging/new-question"]?.attempts == 1)
      let log = try Data(contentsOf: reopened.logURL)
      #expect(log.prefix(logBytes.count) == logBytes)
      #expect(reopened.session.logBytes == log.count)
    }
  }

  @Test("a line counted by the version 2 file that no longer reads does not refuse the open")
  func unreadableCountedLine() throws {
    try withTemporaryDirectory { directory in
      let (sessionBytes, logBytes) = try Self.plant("ana", in: directory.url)
      // Line 3 damaged in place, same length: the version 2 file still counts it.
      var lines = logBytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      lines[2] = Data(repeating: UInt8(ascii: "x"), count: lines[2].count)[...]
      let damaged = Data(lines.joined(separator: [UInt8(ascii: "\n")]))
      #expect(damaged.count == logBytes.count)
      try damaged.write(to: directory.url.appendingPathComponent("ana.answers.jsonl"))
      let store = SessionStore(directory: directory.url)

      let open = try store.open(try LearnerName("ana"), now: Self.now)
      open.close()
      #expect(open.session.answerCount == 31)
      #expect(open.session.days.values.map(\.answers).reduce(0, +) == 2)
      #expect(try Data(contentsOf: open.logURL) == damaged)
      #expect(
        try Data(contentsOf: directory.url.appendingPathComponent("ana.json.v2")) == sessionBytes)
    }
  }
}
