import Foundation
import Testing

@testable import Course

@Suite("Course cache")
struct CourseCacheTests {
  /// Runs `body` on a copy of the valid lessons and cases in a scratch folder, with a cache
  /// folder beside, and removes the scratch folder afterwards.
  func withScratchCourse(_ body: (_ course: String, _ cache: String) throws -> Void) throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("nelm-cache-\(UUID().uuidString)")
    let course = root.appendingPathComponent("Lessons")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.folder("valid")) {
      try FileManager.default.copyItem(
        atPath: Fixtures.file("valid", name), toPath: course.appendingPathComponent(name).path)
    }
    try FileManager.default.copyItem(
      atPath: Fixtures.folder("cases-valid") + "/cases",
      toPath: course.appendingPathComponent("cases").path)
    try body(course.path, root.appendingPathComponent("cache").path)
  }

  func cacheFiles(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
      $0.hasPrefix("course-")
    }
  }

  @Test("the first load writes the cache; the next one reads it and gives the same course")
  func roundTrip() throws {
    try withScratchCourse { course, cache in
      let direct = try CourseLoader.load(from: course)
      let first = try CourseCache.load(from: course, cacheDirectory: cache)
      #expect(first == direct)
      #expect(cacheFiles(cache).count == 1)
      let second = try CourseCache.load(from: course, cacheDirectory: cache)
      #expect(second == direct)
      #expect(!second.cases.isEmpty && !second.lessons.isEmpty)
    }
  }

  @Test("a changed course file makes the cache stale: the change shows at once")
  func staleAfterEdit() throws {
    try withScratchCourse { course, cache in
      _ = try CourseCache.load(from: course, cacheDirectory: cache)
      let name = try #require(
        try FileManager.default.contentsOfDirectory(atPath: course).first { $0.hasSuffix(".yaml") })
      let path = course + "/" + name
      let text = try String(contentsOfFile: path, encoding: .utf8)
      let edited = text.replacingOccurrences(
        of: "title: ", with: "title: Edited ", options: [], range: text.range(of: "title: "))
      try edited.write(toFile: path, atomically: true, encoding: .utf8)
      let reloaded = try CourseCache.load(from: course, cacheDirectory: cache)
      #expect(reloaded == (try CourseLoader.load(from: course)))
      #expect(reloaded.lessons.contains { $0.title.hasPrefix("Edited ") })
    }
  }

  @Test("a broken cache file is ignored and replaced, never trusted")
  func brokenCache() throws {
    try withScratchCourse { course, cache in
      _ = try CourseCache.load(from: course, cacheDirectory: cache)
      let file = cache + "/" + (cacheFiles(cache).first ?? "")
      let data = try Data(contentsOf: URL(fileURLWithPath: file))
      try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: file))
      #expect(
        try CourseCache.load(from: course, cacheDirectory: cache)
          == (try CourseLoader.load(from: course)))
    }
  }

  @Test("errors in the course are reported whatever the cache holds")
  func errorsStillReported() throws {
    try withScratchCourse { course, cache in
      _ = try CourseCache.load(from: course, cacheDirectory: cache)
      try "id: broken\ntitle: [\n".write(
        toFile: course + "/zz.yaml", atomically: true, encoding: .utf8)
      #expect(throws: CourseError.self) {
        try CourseCache.load(from: course, cacheDirectory: cache)
      }
    }
  }

  @Test("any one-byte edit that keeps the size, at any place of a file, changes the fingerprint")
  func fingerprintSeesEveryByte() throws {
    try withScratchCourse { course, _ in
      let path = course + "/zz.yaml"
      // 100 bytes: three whole 32-byte blocks in the lanes, and a tail read a byte at a time.
      let original = Array(String(repeating: "abcdefghij", count: 10).utf8)
      try Data(original).write(to: URL(fileURLWithPath: path))
      var seen = [try #require(CourseFingerprint.of(directory: course))]
      for index in original.indices {
        var edited = original
        edited[index] ^= 0x01
        try Data(edited).write(to: URL(fileURLWithPath: path))
        let fingerprint = try #require(CourseFingerprint.of(directory: course))
        #expect(!seen.contains(fingerprint), "edit at byte \(index)")
        seen.append(fingerprint)
      }
      // Two words of one block swapped: the lanes start apart, so the order counts.
      var swapped = original
      swapped.replaceSubrange(0..<16, with: original[8..<16] + original[0..<8])
      #expect(swapped != original)
      try Data(swapped).write(to: URL(fileURLWithPath: path))
      #expect(!seen.contains(try #require(CourseFingerprint.of(directory: course))))
    }
  }
}
