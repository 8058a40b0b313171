import Foundation
import Testing

@testable import Course

@Suite("Reading a course file to its end")
struct CourseFileReaderTests {
  /// `body` with an open file holding `bytes`, removed afterwards.
  func withFile(_ bytes: [UInt8], _ body: (Int32) throws -> Void) throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("nelm-read-\(UUID().uuidString)").path
    defer { unlink(path) }
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    let fd = open(path, O_RDONLY)
    try #require(fd >= 0)
    defer { close(fd) }
    try body(fd)
  }

  /// 200 KB of varied bytes: more than the size hints below and than one chunk.
  let contents = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }

  @Test(
    "every byte is read, whether the size given is the file's, smaller (it grew) or none",
    arguments: [200_000, 199_999, 65_536, 10, 0])
  func everyByte(size: Int) throws {
    try withFile(contents) { fd in
      guard case .bytes(let bytes) = CourseFileReader.readToEnd(fd, size: size, limit: 1 << 20)
      else {
        Issue.record("not read")
        return
      }
      #expect(bytes == contents)
    }
  }

  @Test("a file over the limit is refused, also when it grew past it after its size was taken")
  func overTheLimit() throws {
    try withFile(contents) { fd in
      #expect(tooLarge(CourseFileReader.readToEnd(fd, size: 200_000, limit: 199_999)))
    }
    try withFile(contents) { fd in
      #expect(tooLarge(CourseFileReader.readToEnd(fd, size: 1_000, limit: 150_000)))
    }
    try withFile(contents) { fd in
      guard case .bytes(let bytes) = CourseFileReader.readToEnd(fd, size: 1_000, limit: 200_000)
      else {
        Issue.record("a file of exactly the limit was refused")
        return
      }
      #expect(bytes.count == 200_000)
    }
  }

  @Test("an empty file is no bytes, and a failed read says why")
  func emptyAndFailed() throws {
    try withFile([]) { fd in
      guard case .bytes(let bytes) = CourseFileReader.readToEnd(fd, size: 0, limit: 10) else {
        Issue.record("not read")
        return
      }
      #expect(bytes.isEmpty)
    }
    guard case .failed(let code) = CourseFileReader.readToEnd(-1, size: 5, limit: 10) else {
      Issue.record("a read of a closed descriptor did not fail")
      return
    }
    #expect(code == EBADF)
  }

  func tooLarge(_ outcome: CourseFileReader.ReadOutcome) -> Bool {
    if case .tooLarge = outcome { return true }
    return false
  }
}
