import Foundation
import Testing

@testable import Progress

/// nelm's own files are never opened through a link, never a FIFO, device or folder, a
/// read-only one is not replaced, and reads are bounded; a refusal changes nothing.
@Suite("Own files")
struct StateFileTests {
  static let victimBytes = Data("a file nelm must never touch\n".utf8)

  /// A scratch folder with a victim file beside it.
  func withVictim(_ body: (TemporaryDirectory, URL) throws -> Void) throws {
    try withTemporaryDirectory { directory in
      let victim = directory.url.appendingPathComponent("victim")
      try Self.victimBytes.write(to: victim)
      try body(directory, victim)
    }
  }

  @Test("a link, a FIFO or a folder in a file's place is refused, and what it names is unchanged")
  func oddKinds() throws {
    try withVictim { (directory, victim) throws in
      let link = directory.url.appendingPathComponent("link").path
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim.path)
      let fifo = directory.url.appendingPathComponent("fifo").path
      #expect(mkfifo(fifo, 0o600) == 0)
      let folder = directory.url.appendingPathComponent("folder").path
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
      for (path, kind) in [(link, "a symbolic link"), (fifo, "a FIFO"), (folder, "a folder")] {
        #expect(throws: ProgressError.notAFile(path: path, kind: kind)) {
          try StateFile.read(path, limit: 100)
        }
        #expect(throws: ProgressError.notAFile(path: path, kind: kind)) {
          try DurableFile.write(Data("new".utf8), to: URL(fileURLWithPath: path))
        }
      }
      let dangling = directory.url.appendingPathComponent("dangling").path
      try FileManager.default.createSymbolicLink(
        atPath: dangling, withDestinationPath: directory.url.appendingPathComponent("made").path)
      #expect(throws: ProgressError.notAFile(path: dangling, kind: "a symbolic link")) {
        try StateFile.open(dangling, O_RDWR | O_CREAT, writable: true)
      }
      #expect(!FileManager.default.fileExists(atPath: directory.url.path + "/made"))
      #expect(try Data(contentsOf: victim) == Self.victimBytes)
    }
  }

  @Test("a read-only file is read but never replaced, even by root")
  func readOnly() throws {
    try withVictim { (_, victim) throws in
      #expect(chmod(victim.path, 0o444) == 0)
      #expect(try StateFile.read(victim.path, limit: 100).map { Data($0) } == Self.victimBytes)
      #expect(throws: ProgressError.readOnly(path: victim.path)) {
        try DurableFile.write(Data("new".utf8), to: victim)
      }
      #expect(try Data(contentsOf: victim) == Self.victimBytes)
    }
  }

  @Test("a read stops at its limit")
  func bounded() throws {
    try withVictim { (_, victim) throws in
      #expect(
        throws: ProgressError.unreadable(path: victim.path, reason: "it is larger than 4 bytes")
      ) {
        try StateFile.read(victim.path, limit: 4)
      }
    }
  }

  @Test(
    "a file is read whole and within its limit whatever size it was said to have",
    arguments: [0, 1, 99_999, 100_000, 100_001, 1 << 20])
  func readWithSize(size: Int) throws {
    try withTemporaryDirectory { directory in
      let file = directory.url.appendingPathComponent("f")
      let contents = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
      try Data(contents).write(to: file)
      for limit in [100_000, 99_999, 1 << 20] {
        let fd = open(file.path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let read = try StateFile.read(fd, limit: limit, path: file.path, size: size)
        #expect(read == (limit >= contents.count ? contents : nil), "limit \(limit)")
      }
    }
  }

  @Test("a hard link planted at the temporary file's name is not written through")
  func plantedTemporary() throws {
    try withVictim { (directory, victim) throws in
      let url = directory.url.appendingPathComponent("ana.json")
      let temporary = directory.url.appendingPathComponent(".ana.json.tmp-\(getpid())")
      #expect(link(victim.path, temporary.path) == 0)
      try DurableFile.write(Data("new\n".utf8), to: url)
      #expect(try Data(contentsOf: url) == Data("new\n".utf8))
      #expect(try Data(contentsOf: victim) == Self.victimBytes)
      #expect(try directory.entries() == ["ana.json", "victim"])
    }
  }

  @Test("a new file takes the first free name and never replaces one")
  func createNumbered() throws {
    try withTemporaryDirectory { directory in
      let names = DurableFile.names("log.torn-7", then: { "-\($0 + 1)" })
      let first = try DurableFile.create(Data("one".utf8), in: directory.url, firstFreeOf: names)
      let second = try DurableFile.create(Data("two".utf8), in: directory.url, firstFreeOf: names)
      #expect(first.lastPathComponent == "log.torn-7")
      #expect(second.lastPathComponent == "log.torn-7-2")
      #expect(try Data(contentsOf: first) == Data("one".utf8))
      #expect(try Data(contentsOf: second) == Data("two".utf8))
    }
  }

  @Test("a replaced file can keep another mode")
  func keepsMode() throws {
    try withTemporaryDirectory { directory in
      let url = directory.url.appendingPathComponent("export.md")
      try DurableFile.write(Data("x".utf8), to: url, mode: 0o640)
      let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]
      #expect(mode as? Int == 0o640)
    }
  }

  @Test("a linked, FIFO or read-only session file or log is refused at open; nothing changes")
  func openRefuses() throws {
    let learner = try LearnerName("ana")
    for (file, make) in [
      ("ana.json", "link"), ("ana.json", "fifo"), ("ana.json", "read-only"),
      ("ana.answers.jsonl", "link"), ("ana.answers.jsonl", "read-only"),
    ] {
      try withVictim { (directory, victim) throws in
        let store = SessionStore(directory: directory.url)
        let path = directory.url.appendingPathComponent(file).path
        switch make {
        case "link":
          try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim.path)
        case "fifo":
          #expect(mkfifo(path, 0o600) == 0)
        default:
          try Data().write(to: URL(fileURLWithPath: path))
          #expect(chmod(path, 0o400) == 0)
        }
        let before = try directory.entries()
        let error = progressError { () throws(ProgressError) in try store.open(learner, now: Date())
        }
        switch make {
        case "read-only": #expect(error == .readOnly(path: path), "\(file) \(make)")
        case "fifo": #expect(error == .notAFile(path: path, kind: "a FIFO"), "\(file) \(make)")
        default: #expect(error == .notAFile(path: path, kind: "a symbolic link"), "\(file) \(make)")
        }
        #expect(error?.fileToSetAside == nil)
        #expect(try directory.entries() == before, "\(file) \(make): the lock file was left")
        #expect(try Data(contentsOf: victim) == Self.victimBytes)
      }
    }
  }
}
