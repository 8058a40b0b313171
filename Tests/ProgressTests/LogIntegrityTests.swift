import Foundation
import Identifiers
import Testing

@testable import Progress

/// The answer log is never rewritten: not by a migration, not by a repair through a link, and
/// a line it takes is checked as strictly as the session file.
@Suite("Log integrity")
struct LogIntegrityTests {
  static var learner: LearnerName {
    get throws { try LearnerName("ana") }
  }

  static func answer(_ item: String, at seconds: Double, duration: Int = 900) -> Answer {
    Answer(
      item: ItemID(item), response: ["a"], correct: true,
      at: Date(timeIntervalSince1970: 1_709_285_400 + seconds), durationMs: duration,
      hintsUsed: 0)
  }

  static func version1() throws -> Data {
    let fixture = try #require(
      Bundle.module.url(forResource: "Fixtures/v1/ana", withExtension: "json"))
    return try Data(contentsOf: fixture)
  }

  /// A session with `answers` saved, closed.
  static func saved(_ answers: [Answer], in store: SessionStore) throws -> OpenSession {
    let open = try store.open(learner, now: Date())
    var session = open.session
    for answer in answers { session.record(answer) }
    try open.append(answers)
    try open.save(session)
    open.close()
    return open
  }

  @Test("a version 1 file beside a log keeps every line and every earlier copy")
  func migrationBesideALog() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let open = try Self.saved([Self.answer("l/a", at: 1), Self.answer("l/b", at: 2)], in: store)
      let log = try Data(contentsOf: open.logURL)
      let earlier = Data("an earlier copy\n".utf8)
      try earlier.write(to: directory.url.appendingPathComponent("ana.json.v1"))
      let original = try Self.version1()
      try original.write(to: store.fileURL(for: Self.learner))

      let migrated = try store.open(Self.learner, now: Date())
      migrated.close()
      let after = try Data(contentsOf: open.logURL)
      #expect(after.prefix(log.count) == log)
      #expect(try AnswerLog.read(open.logURL).count == 5)
      #expect(migrated.session.answerCount == 5)
      #expect(migrated.session.items["l/a"] != nil)
      #expect(migrated.session.items["intro/carcinoid-syndrome"] != nil)
      #expect(try Data(contentsOf: directory.url.appendingPathComponent("ana.json.v1")) == earlier)
      #expect(
        try Data(contentsOf: directory.url.appendingPathComponent("ana.json.v1.1")) == original)

      // The same version 1 file restored again: no answer logged twice, no copy made twice.
      try original.write(to: store.fileURL(for: Self.learner))
      let again = try store.open(Self.learner, now: Date())
      again.close()
      #expect(try AnswerLog.read(open.logURL).count == 5)
      #expect(again.session.answerCount == 5)
      #expect(!FileManager.default.fileExists(atPath: directory.url.path + "/ana.json.v1.2"))
    }
  }

  @Test("a torn tail is never cut through a link, and the open changes nothing")
  func tornThroughLink() throws {
    try withTemporaryDirectory { directory in
      let victim = directory.url.appendingPathComponent("victim")
      let bytes = Data(#"{"at":"2024-03-01T09:4"#.utf8)
      try bytes.write(to: victim)
      let store = SessionStore(directory: directory.url)
      let log = AnswerLog.url(forSessionFile: try store.fileURL(for: Self.learner))
      try FileManager.default.createSymbolicLink(
        atPath: log.path, withDestinationPath: victim.path)
      #expect(throws: ProgressError.notAFile(path: log.path, kind: "a symbolic link")) {
        try store.open(Self.learner, now: Date())
      }
      #expect(try Data(contentsOf: victim) == bytes)
      #expect(try directory.entries() == ["ana.answers.jsonl", "victim"])
    }
  }

  @Test("two repairs in one second keep both torn tails")
  func twoRepairsOneSecond() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let open = try Self.saved([Self.answer("l/a", at: 1)], in: store)
      let now = Date(timeIntervalSince1970: 1_709_285_400)
      for tail in ["first torn", "second torn"] {
        let handle = try FileHandle(forWritingTo: open.logURL)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(tail.utf8))
        try handle.close()
        try store.open(Self.learner, now: now).close()
      }
      let torn = try directory.entries().filter { $0.contains(".torn-") }
      #expect(torn == ["ana.answers.jsonl.torn-1709285400", "ana.answers.jsonl.torn-1709285400-2"])
      let kept = try torn.map {
        String(
          decoding: try Data(contentsOf: directory.url.appendingPathComponent($0)), as: UTF8.self)
      }
      #expect(kept == ["first torn", "second torn"])
    }
  }

  @Test("a log line is checked as strictly as the session file, with its true line number")
  func strictLines() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let open = try Self.saved(
        [Self.answer("l/a", at: 1), Self.answer("l/b", at: 2), Self.answer("l/c", at: 3)],
        in: store)
      let good = try Data(contentsOf: open.logURL)
      for (line, detail) in [
        (
          #"{"at":"2024-03-01T09:41:07.250Z","correct":true,"durationMs":-5,"hintsUsed":0,"item":"l/d","response":[],"skipped":false}"#,
          "durationMs is -5; it cannot be negative"
        ),
        (
          #"{"at":"2024-03-01T09:41:07.250Z","correct":true,"durationMs":5,"hintsUsed":0,"item":"l/d","outcome":"great","response":[],"skipped":false}"#,
          "outcome 'great' is not one of correct, acceptable, wrong, skipped"
        ),
        (
          #"{"at":"2024-03-01T09:41:07.250Z","at":"2024-03-01T09:41:07.250Z","correct":true,"durationMs":5,"hintsUsed":0,"item":"l/d","response":[],"skipped":false}"#,
          "key 'at' appears twice in the top level; nelm would read the first, other tools the "
            + "last: keep one"
        ),
      ] {
        try (good + Data((line + "\n").utf8)).write(to: open.logURL)
        #expect(throws: ProgressError.corruptLog(path: open.logURL.path, line: 4, detail: detail)) {
          try store.open(Self.learner, now: Date())
        }
      }
      // A log shorter than the session file counts was cut behind nelm's back.
      try good.prefix(10).write(to: open.logURL)
      let ana = try Self.learner
      let error = progressError { () throws(ProgressError) in try store.open(ana, now: Date()) }
      guard case .corruptLog(_, nil, let detail)? = error else {
        Issue.record("expected .corruptLog, got \(String(describing: error))")
        return
      }
      #expect(detail.contains("fewer than the \(good.count) the session file has counted"))
    }
  }

  @Test("setting a broken log aside keeps the session file's places and counts a new log")
  func setAsideTheLog() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let open = try Self.saved([Self.answer("l/a", at: 1)], in: store)
      let handle = try FileHandle(forWritingTo: open.logURL)
      try handle.seekToEnd()
      try handle.write(contentsOf: Data("not an answer\n".utf8))
      try handle.close()
      let ana = try Self.learner
      let error = progressError { () throws(ProgressError) in try store.open(ana, now: Date()) }
      #expect(error?.fileToSetAside == open.logURL.path)
      let aside = try store.setAside(Self.learner, .answerLog, now: Date())
      #expect(aside.lastPathComponent.hasPrefix("ana.answers.jsonl.corrupt-"))
      let reopened = try store.open(Self.learner, now: Date())
      defer { reopened.close() }
      #expect(reopened.session.items["l/a"]?.attempts == 1)
      #expect(reopened.session.answerCount == 0 && reopened.session.logBytes == 0)
      #expect(try directory.entries().filter { $0.hasPrefix("ana.json") } == ["ana.json"])
    }
  }

  @Test("keys a newer nelm wrote survive a save, at every level")
  func unknownKeysSurvive() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let open = try Self.saved([Self.answer("l/a", at: 1)], in: store)
      let url = try store.fileURL(for: Self.learner)
      var object = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
      object["future"] = ["list": [1, 2.5, "s", NSNull(), true], "big": 12_345_678_901]
      var items = try #require(object["items"] as? [String: [String: Any]])
      items["l/a"]?["note"] = "keep me"
      var last = try #require(items["l/a"]?["last"] as? [String: Any])
      last["device"] = "phone"
      items["l/a"]?["last"] = last
      object["items"] = items
      try JSONSerialization.data(withJSONObject: object).write(to: url)

      let reopened = try store.open(Self.learner, now: Date())
      var session = reopened.session
      session.record(Self.answer("l/b", at: 2))
      try reopened.append([Self.answer("l/b", at: 2)])
      try reopened.save(session)
      reopened.close()
      let saved = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
      let future = try #require(saved["future"] as? [String: Any])
      #expect(future["big"] as? Int == 12_345_678_901)
      #expect((future["list"] as? [Any])?.count == 5)
      let item = try #require((saved["items"] as? [String: [String: Any]])?["l/a"])
      #expect(item["note"] as? String == "keep me")
      #expect((item["last"] as? [String: Any])?["device"] as? String == "phone")
      #expect(open.session.unknown.values.isEmpty)
    }
  }

  @Test("counts near Int.max open with a warning and never trap")
  func hugeCounts() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      _ = try Self.saved([Self.answer("l/a", at: 1)], in: store)
      let url = try store.fileURL(for: Self.learner)
      var text = try String(contentsOf: url, encoding: .utf8)
      let huge = Int.max - 1
      text = text.replacingOccurrences(of: "\"answerCount\" : 1", with: "\"answerCount\" : \(huge)")
      text = text.replacingOccurrences(of: "\"attempts\" : 1", with: "\"attempts\" : \(huge)")
      text = text.replacingOccurrences(of: "\"reps\" : 1", with: "\"reps\" : \(huge)")
      try text.write(to: url, atomically: false, encoding: .utf8)

      let open = try store.open(Self.learner, now: Date())
      defer { open.close() }
      #expect(open.warnings.count == 3)
      #expect(
        open.warnings.first?.contains("answerCount is \(huge), more than nelm counts") == true)
      var session = open.session
      #expect(session.answerCount == Session.countCeiling)
      session.record(Self.answer("l/a", at: 2))
      #expect(session.items["l/a"]?.attempts == Session.countCeiling + 1)
      var saturated = Session(learner: "ana", now: Date())
      saturated.answerCount = .max
      saturated.record(Self.answer("l/a", at: 2))
      #expect(saturated.answerCount == .max)
    }
  }

  @Test("a session that cannot be encoded names its whole path")
  func encodeNamesThePath() {
    var session = Session(learner: "ana", now: Date())
    session.updated = Date(timeIntervalSince1970: 1e15)
    let error = progressError { () throws(ProgressError) in
      _ = try SessionCoding.encode(session, path: "/s/ana.json")
    }
    guard case .writeFailed(let path, _)? = error else {
      Issue.record("expected .writeFailed, got \(String(describing: error))")
      return
    }
    #expect(path == "/s/ana.json")
  }
}
