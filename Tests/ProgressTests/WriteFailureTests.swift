import Foundation
import Identifiers
import Testing

@testable import Progress

#if canImport(Glibc)
  import Glibc
#endif

/// A 64 KiB tmpfs mounted on a fresh directory, so that a test can fill the disk for real.
/// Mounting needs root (or CAP_SYS_ADMIN); `make()` returns nil where it is not allowed.
struct TinyDisk {
  let url: URL

  static func make() -> TinyDisk? {
    #if os(Linux)
      guard let directory = try? TemporaryDirectory() else { return nil }
      guard mount("tmpfs", directory.url.path, "tmpfs", 0, "size=64k,mode=0700") == 0 else {
        directory.remove()
        return nil
      }
      return TinyDisk(url: directory.url)
    #else
      return nil
    #endif
  }

  /// Whether this machine lets the tests mount one (checked once).
  static let isAvailable: Bool = {
    guard let disk = make() else { return false }
    disk.remove()
    return true
  }()

  /// Writes a filler file until the disk is full; returns its URL.
  @discardableResult
  func fill() -> URL {
    let filler = url.appendingPathComponent("filler")
    let fd = open(filler.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    defer { close(fd) }
    let block = [UInt8](repeating: 0x2E, count: 512)
    while write(fd, block, block.count) > 0 {}
    var byte: UInt8 = 0x2E
    while write(fd, &byte, 1) == 1 {}
    return filler
  }

  func remove() {
    #if os(Linux)
      umount2(url.path, Int32(MNT_DETACH))
    #endif
    try? FileManager.default.removeItem(at: url)
  }
}

/// Writes that fail half-way — a full disk, a path taken by a directory — must say so clearly
/// and leave the previous files exactly as they were.
@Suite("Write failures")
struct WriteFailureTests {
  static let diskFull = POSIX.text(ENOSPC)

  func answer(_ item: String, seconds: Double = 1) -> Answer {
    Answer(
      item: ItemID(item), response: ["a"], correct: true,
      at: Date(timeIntervalSince1970: 1_709_285_400 + seconds), durationMs: 900, hintsUsed: 0)
  }

  func reason(_ error: ProgressError?, path: URL) -> String? {
    guard case .writeFailed(let failedPath, let reason)? = error, failedPath == path.path else {
      Issue.record("expected .writeFailed for \(path.path), got \(String(describing: error))")
      return nil
    }
    return reason
  }

  @Test(
    "a full disk: the session file write fails with ENOSPC, the old file and nothing else stays",
    .enabled(if: TinyDisk.isAvailable, "mounting a tmpfs needs root"))
  func sessionFileOnFullDisk() throws {
    let disk = try #require(TinyDisk.make())
    defer { disk.remove() }
    let url = disk.url.appendingPathComponent("ana.json")
    try DurableFile.write(Data("previous\n".utf8), to: url)
    disk.fill()
    let big = Data(repeating: 0x41, count: 16_384)
    let error = progressError { () throws(ProgressError) in try DurableFile.write(big, to: url) }
    #expect(reason(error, path: url) == Self.diskFull)
    #expect(error?.message.hasPrefix("cannot save \(url.path): \(Self.diskFull)") == true)
    #expect(error?.message.hasSuffix("(the previous version is unchanged)") == true)
    #expect(try Data(contentsOf: url) == Data("previous\n".utf8))
    let names = try FileManager.default.contentsOfDirectory(atPath: disk.url.path).sorted()
    #expect(names == ["ana.json", "filler"])
  }

  @Test(
    "a full disk mid-append leaves no half answer in the log; the next append after space is freed is whole",
    .enabled(if: TinyDisk.isAvailable, "mounting a tmpfs needs root"))
  func answerLogOnFullDisk() throws {
    let disk = try #require(TinyDisk.make())
    defer { disk.remove() }
    let store = SessionStore(directory: disk.url)
    let learner = try LearnerName("ana")
    let open = try store.open(learner, now: Date())
    // One long first answer leaves the log's last 4 KiB page nearly full, so that the next
    // append fits in part: the kernel writes what fits and then reports ENOSPC.
    let long = answer("l/" + String(repeating: "x", count: 3_900))
    try open.append([long])
    let sizeBefore = AnswerLog.size(of: open.logURL)
    let filler = disk.fill()
    let error = progressError { () throws(ProgressError) in
      try open.append([answer("l/q2", seconds: 2)])
    }
    #expect(reason(error, path: open.logURL) == Self.diskFull)
    #expect(AnswerLog.size(of: open.logURL) == sizeBefore)
    #expect(try AnswerLog.read(open.logURL).map(\.item) == [long.item])

    try FileManager.default.removeItem(at: filler)
    try open.append([answer("l/q3", seconds: 3)])
    // The open session counts what its log took; its checkpoint says so.
    try open.save(open.session)
    open.close()
    #expect(try AnswerLog.read(open.logURL).map(\.item) == [long.item, "l/q3"])
    let reopened = try store.open(learner, now: Date())
    defer { reopened.close() }
    #expect(reopened.session.answerCount == 2)
  }

  @Test("the answer log's name taken by a directory: the error names the log, nothing changes")
  func logIsADirectory() throws {
    try withTemporaryDirectory { directory in
      let store = SessionStore(directory: directory.url)
      let open = try store.open(LearnerName("ana"), now: Date())
      defer { open.close() }
      try FileManager.default.createDirectory(at: open.logURL, withIntermediateDirectories: false)
      let error = progressError { () throws(ProgressError) in try open.append([answer("l/q1")]) }
      #expect(error == .notAFile(path: open.logURL.path, kind: "a folder"))
      #expect(error?.message.contains("changed nothing") == true)
      #expect(open.session.answerCount == 0)
    }
  }

  @Test("the sessions folder gone mid-session: the save is refused and the session in memory stays")
  func folderRemoved() throws {
    try withTemporaryDirectory { directory in
      let folder = directory.url.appendingPathComponent("sessions")
      let store = SessionStore(directory: folder)
      let open = try store.open(LearnerName("ana"), now: Date())
      defer { open.close() }
      let before = open.session
      try FileManager.default.removeItem(at: folder)
      var changed = before
      changed.record(answer("l/q1"))
      let error = progressError { () throws(ProgressError) in try open.save(changed) }
      // The lock file went with the folder: another nelm could have the learner now.
      #expect(
        error == .lockLost(path: folder.appendingPathComponent("ana.lock").path, learner: "ana"))
      #expect(open.session == before)
    }
  }
}

/// Found by the `session-file` fuzzer: a file with a five-digit year opened fine, and then
/// every save failed, because nelm writes only the years 1900–9999.
@Suite("Dates nelm could not write back")
struct UnwritableDateTests {
  static let dates = [
    "21024-03-01T09:30:05.120Z", "10000-01-01T00:00:00.000Z", "1899-12-31T23:59:59.999Z",
  ]

  @Test("a session file with such a date is refused when read", arguments: dates)
  func sessionFile(date: String) throws {
    let text = """
      {"answerCount": 0, "cases": {}, "created": "\(date)", "items": {}, "learner": "ana",
       "lessons": {}, "logBytes": 0, "schemaVersion": 2, "settings": {"color": "auto"},
       "updated": "2024-03-01T09:30:00.000Z"}
      """
    let error = progressError { () throws(ProgressError) in
      try SessionCoding.decode(Data(text.utf8), path: "ana.json", learner: LearnerName("ana"))
    }
    guard case .corrupt(let path, let detail)? = error else {
      Issue.record("expected .corrupt, got \(String(describing: error))")
      return
    }
    #expect(path == "ana.json")
    #expect(detail.contains(date))
  }

  @Test(
    "the first and last dates nelm writes are read back",
    arguments: [
      "1900-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z",
    ])
  func boundaries(date: String) throws {
    let parsed = try #require(SessionCoding.date(from: date))
    #expect(SessionCoding.string(from: parsed) == date)
  }
}
