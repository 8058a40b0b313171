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

  @Test("two ways of writing the course folder keep a cache each: neither makes the other stale")
  func spellingsKeepTheirCaches() throws {
    try withScratchCourse { course, cache in
      let other = course + "/../Lessons"
      _ = try CourseCache.load(from: course, cacheDirectory: cache)
      _ = try CourseCache.load(from: other, cacheDirectory: cache)
      #expect(cacheFiles(cache).count == 2)
      func written() throws -> [Date] {
        try cacheFiles(cache).sorted().map {
          try #require(
            try FileManager.default.attributesOfItem(atPath: cache + "/" + $0)[.modificationDate]
              as? Date)
        }
      }
      let before = try written()
      Thread.sleep(forTimeInterval: 0.01)
      for folder in [course, other, course] {
        let loaded = try CourseCache.load(from: folder, cacheDirectory: cache)
        #expect(loaded == (try CourseLoader.load(from: folder)))
      }
      #expect(try written() == before)
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

  @Test("from a fresh cache the shell gets the YAML's summary at once and its course after")
  func providerFromCache() throws {
    try withScratchCourse { course, cache in
      let direct = try CourseLoader.load(from: course)
      _ = try CourseCache.load(from: course, cacheDirectory: cache)
      let provider = try CourseCache.provider(from: course, cacheDirectory: cache)
      #expect(provider.summary == CourseSummary(direct))
      #expect(provider.course == direct)
    }
  }

  @Test("a summary line that does not read is not trusted: the summary comes from the course")
  func brokenSummaryLine() throws {
    try withScratchCourse { course, cache in
      let direct = try CourseLoader.load(from: course)
      _ = try CourseCache.load(from: course, cacheDirectory: cache)
      let file = URL(fileURLWithPath: cache + "/" + (cacheFiles(cache).first ?? ""))
      var lines = try Data(contentsOf: file).split(
        separator: UInt8(ascii: "\n"), maxSplits: 2, omittingEmptySubsequences: false)
      try #require(lines.count == 3)
      // A lesson record whose page count is not a number.
      lines[1] = Data("L\u{1F}x\u{1F}X\u{1F}many\u{1F}1".utf8)
      try Data(lines.joined(separator: [UInt8(ascii: "\n")])).write(to: file)
      let provider = try CourseCache.provider(from: course, cacheDirectory: cache)
      #expect(provider.summary == CourseSummary(direct))
    }
  }

  @Test("the course is read from the cache file that was checked, even once another replaces it")
  func courseFromTheCheckedFile() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("nelm-fresh-\(UUID().uuidString)").path
    defer { unlink(path) }
    // A summary line longer than the first block read, so the head is read in two blocks.
    let summary = String(repeating: "s", count: 100_000)
    try Data("print\n\(summary)\nfirst course".utf8).write(to: URL(fileURLWithPath: path))
    let cache = try #require(FreshCache(path: path))
    #expect(Array(cache.fingerprintLine) == Array("print".utf8))
    #expect(cache.summary.count == summary.utf8.count)
    try Data("print\nother\nsecond course".utf8).write(
      to: URL(fileURLWithPath: path), options: .atomic)
    #expect(cache.course() == Data("first course".utf8))
    #expect(FreshCache(path: path)?.course() == Data("second course".utf8))
  }

  @Test("a cache file without its two lines, or not a regular file, is not opened")
  func notACache() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("nelm-fresh-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data("print\nsummary without its end".utf8).write(
      to: URL(fileURLWithPath: folder + "/one-line"))
    #expect(FreshCache(path: folder + "/one-line") == nil)
    #expect(symlink(folder + "/one-line", folder + "/link") == 0)
    #expect(FreshCache(path: folder + "/link") == nil)
    #expect(mkfifo(folder + "/fifo", 0o600) == 0)
    #expect(FreshCache(path: folder + "/fifo") == nil)
    #expect(FreshCache(path: folder) == nil)
  }
}

@Suite("The course summary's cache line")
struct CourseSummaryLineTests {
  @Test("a course's summary reads back the same from its line")
  func roundTrip() throws {
    let course = try CourseLoader.load(from: Fixtures.folder("valid"))
    let cases = try CourseLoader.load(from: Fixtures.folder("cases-valid"))
    for summary in [
      CourseSummary(course), CourseSummary(cases),
      CourseSummary(Course(lessons: course.lessons, cases: cases.cases)),
    ] {
      #expect(!summary.lessons.isEmpty || !summary.cases.isEmpty)
      let line = try #require(summary.line)
      #expect(!line.contains(UInt8(ascii: "\n")))
      #expect(CourseSummary(line: line) == summary)
    }
  }

  @Test("a title that holds a separator or a newline is not written as a line")
  func separatorsInText() throws {
    let course = try CourseLoader.load(from: Fixtures.folder("valid"))
    for mark in ["\u{1E}", "\u{1F}", "\n"] {
      var summary = CourseSummary(course)
      summary.lessons[0].title += mark + "more"
      #expect(summary.line == nil)
    }
  }

  @Test(
    "a line that does not read whole gives no summary",
    arguments: [
      "L\u{1F}a\u{1F}A\u{1F}1", "L\u{1F}a\u{1F}A\u{1F}one\u{1F}2", "C\u{1F}c\u{1F}C",
      "C\u{1F}c\u{1F}C\u{1F}-\u{1F}1", "I", "I\u{1F}x\u{1F}y", "X\u{1F}a", "I\u{1F}a\u{1E}",
    ])
  func malformed(line: String) {
    #expect(CourseSummary(line: Array(line.utf8)) == nil)
  }

  @Test("text that is not UTF-8 gives no summary")
  func notUTF8() {
    #expect(CourseSummary(line: [UInt8(ascii: "I"), 0x1F, 0xFF, 0xFE]) == nil)
  }
}
