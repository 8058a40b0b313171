import Foundation
import Testing

@testable import Progress

/// Ways a session file can be broken, and the detail each must produce.
@Suite("Corrupt session files")
struct CorruptSessionTests {
  /// The sample session's file as a JSON object, changed by `edit`, back to bytes.
  static func edited(_ edit: (inout [String: Any]) -> Void) -> Data {
    let data = (try? SessionCoding.encode(sampleSession())) ?? Data()
    var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    edit(&object)
    return (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]))
      ?? Data()
  }

  static var valid: Data { (try? SessionCoding.encode(sampleSession())) ?? Data() }

  static let cases: [(String, Data, String)] = [
    ("empty", Data(), "the file is empty"),
    ("blank", Data("\n  \n".utf8), "the file is empty"),
    (
      "truncated", valid.prefix(120),
      "not valid JSON: the file ends too early, at line 9, column 2"
    ),
    ("not JSON", Data("hello".utf8), "not valid JSON: invalid value at line 1, column 1"),
    (
      "stray comma", Data("{\n  \"schemaVersion\": 1,,\n}".utf8),
      "not valid JSON: invalid value at line 2, column 22"
    ),
    (
      "an array", Data("[1, 2]".utf8),
      "the top level: expected to decode Dictionary<String, Any> but found an array instead"
    ),
    (
      "wrong type", edited { $0["items"] = ["x": ["attempts": "3"]] },
      "items.x.attempts: expected to decode Int but found a string instead"
    ),
    (
      "wrong type in a lesson",
      edited { $0["lessons"] = ["grading": ["position": "3"]] },
      "lessons.grading.position: expected to decode Int but found a string instead"
    ),
    ("missing key", edited { $0["created"] = nil }, "missing key 'created' at the top level"),
    (
      "missing nested key",
      edited { object in
        var items = object["items"] as? [String: [String: Any]] ?? [:]
        var last = items["imaging/ga68"]?["last"] as? [String: Any] ?? [:]
        last["hintsUsed"] = nil
        items["imaging/ga68"]?["last"] = last
        object["items"] = items
      },
      "missing key 'hintsUsed' at items.imaging/ga68.last"
    ),
    (
      "bad date", edited { $0["updated"] = "last tuesday" },
      "updated: 'last tuesday' is not a valid ISO-8601 date and time in UTC, years 1900–9999 "
        + "(e.g. 2024-03-01T09:41:07.250Z)"
    ),
    (
      "February 30th", edited { $0["updated"] = "2024-02-30T10:00:00.000Z" },
      "updated: '2024-02-30T10:00:00.000Z' is not a valid ISO-8601 date and time in UTC, years "
        + "1900–9999 (e.g. 2024-03-01T09:41:07.250Z)"
    ),
    (
      "hour 25", edited { $0["created"] = "2024-02-03T25:61:61.000Z" },
      "created: '2024-02-03T25:61:61.000Z' is not a valid ISO-8601 date and time in UTC, years "
        + "1900–9999 (e.g. 2024-03-01T09:41:07.250Z)"
    ),
    (
      "a number out of range", Data(#"{"schemaVersion": 2, "answerCount": 1e400}"#.utf8),
      "answerCount: 1e400 is out of range (nelm reads whole numbers up to 9223372036854775807 "
        + "and decimals up to about 1.8e308)"
    ),
    (
      "a whole number out of range",
      Data(#"{"schemaVersion": 2, "answerCount": 99999999999999999999999}"#.utf8),
      "answerCount: 99999999999999999999999 is out of range (nelm reads whole numbers up to "
        + "9223372036854775807 and decimals up to about 1.8e308)"
    ),
    (
      "a key written twice",
      Data(#"{"schemaVersion": 2, "answerCount": 3, "answerCount": 5}"#.utf8),
      "key 'answerCount' appears twice in the top level; nelm would read the first, other tools "
        + "the last: keep one"
    ),
    (
      "no schemaVersion", edited { $0["schemaVersion"] = nil },
      "missing key 'schemaVersion' at the top level"
    ),
    (
      "schemaVersion 0", edited { $0["schemaVersion"] = 0 },
      "schemaVersion 0 is not a valid version"
    ),
    (
      "negative position",
      edited { object in
        var lessons = object["lessons"] as? [String: [String: Any]] ?? [:]
        lessons["imaging"]?["position"] = -1
        object["lessons"] = lessons
      },
      "lessons.imaging.position is -1; it cannot be negative"
    ),
    (
      "negative duration",
      edited { object in
        var items = object["items"] as? [String: [String: Any]] ?? [:]
        var last = items["imaging/ga68"]?["last"] as? [String: Any] ?? [:]
        last["durationMs"] = -5
        items["imaging/ga68"]?["last"] = last
        object["items"] = items
      },
      "items.imaging/ga68.last.durationMs is -5; it cannot be negative"
    ),
    (
      "unknown outcome",
      edited { object in
        var items = object["items"] as? [String: [String: Any]] ?? [:]
        var last = items["imaging/ga68"]?["last"] as? [String: Any] ?? [:]
        last["outcome"] = "great"
        items["imaging/ga68"]?["last"] = last
        object["items"] = items
      },
      "items.imaging/ga68.last.outcome 'great' is not one of correct, acceptable, wrong, skipped"
    ),
    (
      "learner mismatch", edited { $0["learner"] = "bob" },
      "it belongs to learner 'bob', not 'ana' as its file name says"
    ),
  ]

  @Test("decoding reports what is wrong and where", arguments: cases)
  func detail(name: String, data: Data, expected: String) throws {
    let learner = try LearnerName("ana")
    #expect(throws: ProgressError.corrupt(path: "/s/ana.json", detail: expected)) {
      try SessionCoding.decode(data, path: "/s/ana.json", learner: learner)
    }
  }

  @Test(
    "opening a corrupt file fails, leaves its bytes alone and releases the lock",
    arguments: cases)
  func openLeavesFile(name: String, data: Data, expected: String) throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let learner = try LearnerName("ana")
      let url = store.fileURL(for: learner)
      try data.write(to: url)
      let error = progressError { () throws(ProgressError) in
        try store.open(learner, now: Date())
      }
      #expect(error == .corrupt(path: url.path, detail: expected))
      #expect(
        error?.message == "session file \(url.path) cannot be read: \(expected)")
      #expect(try Data(contentsOf: url) == data)
      // The lock was released: setting the file aside takes it again.
      _ = try store.setAside(learner, .sessionFile, now: Date())
    }
  }

  @Test("a corrupt file set aside keeps its bytes, and a fresh session opens")
  func setAside() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let learner = try LearnerName("ana")
      try Data("garbage".utf8).write(to: store.fileURL(for: learner))
      let now = Date(timeIntervalSince1970: 1_709_285_400.5)
      let first = try store.setAside(learner, .sessionFile, now: now)
      #expect(first.lastPathComponent == "ana.json.corrupt-20240301-093000")
      #expect(try Data(contentsOf: first) == Data("garbage".utf8))

      try Data("more garbage".utf8).write(to: store.fileURL(for: learner))
      let second = try store.setAside(learner, .sessionFile, now: now)
      #expect(second.lastPathComponent == "ana.json.corrupt-20240301-093000-2")
      #expect(try Data(contentsOf: first) == Data("garbage".utf8))

      let open = try store.open(learner, now: now)
      #expect(open.session == Session(learner: "ana", now: now))
      #expect(store.learners() == [])
      try open.save(open.session)
      #expect(store.learners() == [learner])
    }
  }

  @Test("setting aside a file that is not there says so")
  func setAsideMissing() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let url = store.fileURL(for: try LearnerName("ana"))
      #expect(
        throws: ProgressError.writeFailed(
          path: url.path, reason: "cannot move it aside: No such file or directory")
      ) { try store.setAside(LearnerName("ana"), .sessionFile, now: Date()) }
    }
  }

  @Test("a file from a newer nelm is refused as such, left alone, and never set aside")
  func newerFormat() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let learner = try LearnerName("ana")
      let url = store.fileURL(for: learner)
      let data = Self.edited { $0 = ["schemaVersion": 4, "brandNew": true] }
      try data.write(to: url)
      let error = progressError { () throws(ProgressError) in try store.open(learner, now: Date()) }
      #expect(error == .newerFormat(path: url.path, version: 4))
      #expect(error?.fileToSetAside == nil)
      #expect(error?.message.contains("use a nelm that reads schemaVersion 4 or later") == true)
      #expect(
        throws: ProgressError.newerFormat(path: url.path, version: 4),
        performing: { try store.setAside(learner, .sessionFile, now: Date()) })
      #expect(try Data(contentsOf: url) == data)
      #expect(try directory.entries() == ["ana.json"])
    }
  }

  @Test("a key written twice in a nested object is named with its place")
  func nestedDuplicate() throws {
    let data = Data(#"{"schemaVersion": 2, "items": {"a/b": {"attempts": 1, "attempts": 2}}}"#.utf8)
    #expect(
      JSONInspection.firstProblem(in: data)
        == "key 'attempts' appears twice in items.a/b; nelm would read the first, other tools "
        + "the last: keep one")
    #expect(
      JSONInspection.firstProblem(in: Data(#"{"a": [1, {"b": 1, "\u0062": 2}]}"#.utf8))
        == "key 'b' appears twice in a[1]; nelm would read the first, other tools the last: "
        + "keep one")
    #expect(JSONInspection.firstProblem(in: Self.valid) == nil)
  }

  @Test("the walk tells a key no record knows from ids and known keys, without decoding")
  func unknownKeysFound() throws {
    #expect(!JSONInspection.inspect(Self.valid, as: .session).hasUnknownKeys)
    let extraLast = Self.edited { object in
      var items = object["items"] as? [String: [String: Any]] ?? [:]
      var last = items["imaging/ga68"]?["last"] as? [String: Any] ?? [:]
      last["device"] = "phone"
      items["imaging/ga68"]?["last"] = last
      object["items"] = items
    }
    #expect(JSONInspection.inspect(extraLast, as: .session).hasUnknownKeys)
    let extraSetting = Self.edited { $0["settings"] = ["color": "auto", "theme": "dark"] }
    #expect(JSONInspection.inspect(extraSetting, as: .session).hasUnknownKeys)
    // A key known elsewhere is still unknown where it stands.
    let misplaced = Self.edited { $0["settings"] = ["color": "auto", "position": 1] }
    #expect(JSONInspection.inspect(misplaced, as: .session).hasUnknownKeys)
    let session = try SessionCoding.decode(
      extraSetting, path: "ana.json", learner: LearnerName("ana"))
    #expect(session.settings.unknown.values["theme"] == .string("dark"))
  }
}
