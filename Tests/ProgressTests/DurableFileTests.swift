import Foundation
import Testing

@testable import Progress

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Durable writes")
struct DurableFileTests {
  private func mode(_ url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
  }

  private func temporaryName(for url: URL) -> String {
    ".\(url.lastPathComponent).tmp-\(getpid())"
  }

  @Test("a new file gets the bytes, mode 0600 and no temporary file is left")
  func createsFile() throws {
    try withTemporaryDirectory { directory in
      let url = directory.url.appendingPathComponent("ana.json")
      try DurableFile.write(Data("hello\n".utf8), to: url)
      #expect(try Data(contentsOf: url) == Data("hello\n".utf8))
      #expect(try mode(url) == 0o600)
      #expect(try directory.entries() == ["ana.json"])
    }
  }

  @Test("replacing is atomic: a reader of the old file keeps seeing all of the old bytes")
  func replacesAtomically() throws {
    try withTemporaryDirectory { directory in
      let url = directory.url.appendingPathComponent("ana.json")
      try Data("old contents".utf8).write(to: url)
      chmod(url.path, 0o644)
      let reader = try FileHandle(forReadingFrom: url)
      defer { try? reader.close() }
      try DurableFile.write(Data("new".utf8), to: url)
      #expect(try reader.readToEnd() == Data("old contents".utf8))
      #expect(try Data(contentsOf: url) == Data("new".utf8))
      #expect(try mode(url) == 0o600)
      #expect(try directory.entries() == ["ana.json"])
    }
  }

  @Test("a leftover temporary file from a crash is overwritten and tightened to 0600")
  func leftoverTemporary() throws {
    try withTemporaryDirectory { directory in
      let url = directory.url.appendingPathComponent("ana.json")
      let leftover = directory.url.appendingPathComponent(temporaryName(for: url))
      try Data(repeating: 0x41, count: 10_000).write(to: leftover)
      chmod(leftover.path, 0o666)
      try DurableFile.write(Data("fresh".utf8), to: url)
      #expect(try Data(contentsOf: url) == Data("fresh".utf8))
      #expect(try mode(url) == 0o600)
      #expect(try directory.entries() == ["ana.json"])
    }
  }

  // Tests run as root, where permissions do not stop writes: these failures are ones root
  // meets too.
  @Test("a folder in the target's place is refused before anything is written")
  func renameFails() throws {
    try withTemporaryDirectory { directory in
      let url = directory.url.appendingPathComponent("ana.json")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
      try Data("keep".utf8).write(to: url.appendingPathComponent("inside"))
      let error = progressError { () throws(ProgressError) in
        try DurableFile.write(Data("new".utf8), to: url)
      }
      #expect(error == .notAFile(path: url.path, kind: "a folder"))
      #expect(try directory.entries() == ["ana.json"])
      #expect(try Data(contentsOf: url.appendingPathComponent("inside")) == Data("keep".utf8))
    }
  }

  @Test("the temporary file cannot be created: the old file is intact")
  func temporaryBlocked() throws {
    try withTemporaryDirectory { directory in
      let url = directory.url.appendingPathComponent("ana.json")
      try Data("old contents".utf8).write(to: url)
      let blocker = directory.url.appendingPathComponent(temporaryName(for: url))
      try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: false)
      #expect(throws: ProgressError.writeFailed(path: url.path, reason: "File exists")) {
        try DurableFile.write(Data("new".utf8), to: url)
      }
      #expect(try Data(contentsOf: url) == Data("old contents".utf8))
    }
  }

  @Test("a missing directory is reported with the system's reason")
  func missingDirectory() throws {
    try withTemporaryDirectory { directory in
      let url = directory.url.appendingPathComponent("nowhere/ana.json")
      let expected = ProgressError.writeFailed(
        path: url.path, reason: "No such file or directory")
      #expect(throws: expected) { try DurableFile.write(Data("x".utf8), to: url) }
      #expect(
        expected.message
          == "cannot save \(url.path): No such file or directory (the previous version is "
          + "unchanged)")
    }
  }
}
