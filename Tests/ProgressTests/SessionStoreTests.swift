import Foundation
import Testing

@testable import Progress

@Suite("Session store")
struct SessionStoreTests {
  @Test("a first open starts a new session without writing anything")
  func newSession() throws {
    try withTemporaryDirectory { directory in
      let sessions = directory.url.appendingPathComponent("a/b/Sessions")
      let store = SessionStore(directory: sessions)
      let now = Date(timeIntervalSince1970: 1_709_285_400.123_4)
      let open = try store.open(LearnerName("ana"), now: now)
      defer { open.close() }
      #expect(open.session == Session(learner: "ana", now: now.roundedToMilliseconds))
      #expect(open.fileURL == sessions.appendingPathComponent("ana.json"))
      #expect(!FileManager.default.fileExists(atPath: open.fileURL.path))
      let attributes = try FileManager.default.attributesOfItem(atPath: sessions.path)
      #expect((attributes[.posixPermissions] as? Int ?? -1) & 0o777 == 0o700)
    }
  }

  @Test("save then reopen gives an equal session, dates to the millisecond")
  func roundTrip() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let learner = try LearnerName("ana")
      let open = try store.open(learner, now: Date())
      let session = sampleSession()
      try open.save(session)
      #expect(open.session == session.roundedToMilliseconds)
      open.close()

      let reopened = try store.open(learner, now: Date())
      defer { reopened.close() }
      #expect(reopened.session == open.session)
      #expect(
        reopened.session.items["imaging/ga68"]?.last?.at
          == Date(timeIntervalSince1970: 1_709_285_441.041))
      #expect(try directory.entries() == ["ana.json", "ana.lock"])
    }
  }

  /// `session` saved as `learner`'s file in `store`; returns the file's bytes.
  @discardableResult
  func saved(_ session: Session, as learner: LearnerName, in store: SessionStore) throws -> [UInt8]
  {
    let open = try store.open(learner, now: Date())
    defer { open.close() }
    try open.save(session)
    return Array(try Data(contentsOf: open.fileURL))
  }

  @Test("a file read ahead of the lock is the session opened, and only for its own bytes")
  func readAhead() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let learner = try LearnerName("ana")
      let bytes = try saved(sampleSession(), as: learner, in: store)
      let prefetched = SessionPrefetch(learner, in: store)
      #expect(prefetched.decoded(of: bytes)?.session == sampleSession().roundedToMilliseconds)
      #expect(prefetched.decoded(of: bytes + [0x20]) == nil)
      let open = try store.open(learner, now: Date(), prefetched: prefetched)
      defer { open.close() }
      #expect(open.session == sampleSession().roundedToMilliseconds)
    }
  }

  @Test("a file that changed after it was read ahead is read again under the lock")
  func changedAfterReadAhead() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let learner = try LearnerName("ana")
      let first = try saved(sampleSession(), as: learner, in: store)
      let prefetched = SessionPrefetch(learner, in: store)
      #expect(prefetched.decoded(of: first) != nil)
      var changed = sampleSession()
      changed.settings.color = "always"
      try saved(changed, as: learner, in: store)
      let open = try store.open(learner, now: Date(), prefetched: prefetched)
      defer { open.close() }
      #expect(open.session.settings.color == "always")
      #expect(open.session == changed.roundedToMilliseconds)
    }
  }

  @Test("another learner's file read ahead is not used")
  func otherLearnersReadAhead() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      var bobs = sampleSession(learner: "bob")
      bobs.settings.color = "always"
      try saved(bobs, as: try LearnerName("bob"), in: store)
      try saved(sampleSession(), as: try LearnerName("ana"), in: store)
      let prefetched = SessionPrefetch(try LearnerName("bob"), in: store)
      let open = try store.open(LearnerName("ana"), now: Date(), prefetched: prefetched)
      defer { open.close() }
      #expect(open.session == sampleSession().roundedToMilliseconds)
    }
  }

  @Test("a failed save keeps the previous session in memory and on disk")
  func failedSave() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let open = try store.open(LearnerName("ana"), now: Date())
      defer { open.close() }
      let first = sampleSession()
      try open.save(first)
      let before = try Data(contentsOf: open.fileURL)
      // Root ignores permissions; a directory in the temporary file's place stops it.
      let blocker = directory.url.appendingPathComponent(".ana.json.tmp-\(getpid())")
      try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: false)
      var second = first
      second.settings.color = "auto"
      #expect(throws: ProgressError.self) { try open.save(second) }
      #expect(open.session == first.roundedToMilliseconds)
      #expect(try Data(contentsOf: open.fileURL) == before)
    }
  }

  @Test("saving another learner's session or after close is refused")
  func refusedSaves() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let open = try store.open(LearnerName("ana"), now: Date())
      let path = open.fileURL.path
      #expect(
        throws: ProgressError.writeFailed(path: path, reason: "the session belongs to 'bob'")
      ) { try open.save(sampleSession(learner: "bob")) }
      open.close()
      #expect(
        throws: ProgressError.writeFailed(path: path, reason: "the session was already closed")
      ) { try open.save(sampleSession()) }
      #expect(!FileManager.default.fileExists(atPath: path))
    }
  }

  @Test("a file where the directory should be is reported")
  func notADirectory() throws {
    try withTemporaryDirectory { directory in
      let file = directory.url.appendingPathComponent("Sessions")
      try Data().write(to: file)
      let store = SessionStore(directory: file)
      #expect(throws: ProgressError.notADirectory(path: file.path)) {
        try store.open(LearnerName("ana"), now: Date())
      }
    }
  }

  @Test("learners lists valid names with a session file, sorted")
  func learners() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      for name in [
        "zoe.json", "ana.json", "Bob.json", "ana.lock", ".ana.json.tmp-12", "x y.json",
        "ana.json.corrupt-20240301-093000", "notes.txt",
      ] {
        try Data().write(to: directory.url.appendingPathComponent(name))
      }
      #expect(store.learners().map(\.value) == ["Bob", "ana", "zoe"])
      let missing = SessionStore(directory: directory.url.appendingPathComponent("none"))
      #expect(missing.learners() == [])
    }
  }

  @Test("a session file that is a directory is refused, not new")
  func unreadable() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let learner = try LearnerName("ana")
      let url = store.fileURL(for: learner)
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
      #expect(throws: ProgressError.notAFile(path: url.path, kind: "a folder")) {
        try store.open(learner, now: Date())
      }
    }
  }
}
