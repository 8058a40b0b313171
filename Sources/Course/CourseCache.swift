import Foundation

/// Loads the course through a cache checked against the course files, so that start-up does
/// not parse every YAML file each time (Yams reads about 5 KB a millisecond here; the
/// course is over half a megabyte).
///
/// The cache is one JSON file per course folder. Its first line is a fingerprint of the
/// course files (names, sizes, modification times) and of this build's cache format; any
/// change to a file, or a file added or removed, makes it stale and the course is loaded
/// from the YAML again. A broken or unreadable cache is ignored, never trusted.
public enum CourseCache {
  /// Bumped whenever the cached model changes shape.
  static let formatVersion = "nelm-course-cache-3"

  /// The course in `directory`, from the cache in `cacheDirectory` when it is fresh.
  /// Without a cache directory, or when the cache cannot be written, it loads as usual.
  public static func load(from directory: String, cacheDirectory: String?) throws(CourseError)
    -> Course
  {
    guard let cacheDirectory else { return try CourseLoader.load(from: directory) }
    let fingerprint = CourseFingerprint.of(directory: directory)
    let file = cacheFile(for: directory, in: cacheDirectory)
    if let fingerprint, let body = freshBody(file, fingerprint: fingerprint),
      let cached = decode(body)
    {
      return cached
    }
    return try loadAndCache(directory, fingerprint: fingerprint, file: file)
  }

  /// Loads the course from its YAML and, when its files could be fingerprinted, caches it.
  static func loadAndCache(_ directory: String, fingerprint: String?, file: URL)
    throws(CourseError) -> Course
  {
    let course = try CourseLoader.load(from: directory)
    if let fingerprint { write(course, fingerprint: fingerprint, to: file) }
    return course
  }

  /// Where the cache of `directory` lives.
  static func cacheFile(for directory: String, in cacheDirectory: String) -> URL {
    URL(fileURLWithPath: cacheDirectory)
      .appendingPathComponent("course-\(CourseFingerprint.hash(absolute(directory))).json")
  }

  /// The snapshot the cache holds.
  struct Snapshot: Codable {
    var lessons: [Lesson]
    var cases: [ClinicalCase]
    var glossary: [GlossaryEntry]
    var references: [Reference]
  }

  /// The snapshot's bytes when the cache file's fingerprint matches; nil otherwise.
  static func freshBody(_ file: URL, fingerprint: String) -> Data? {
    guard let data = try? Data(contentsOf: file),
      let newline = data.firstIndex(of: UInt8(ascii: "\n")),
      String(decoding: data[data.startIndex..<newline], as: UTF8.self) == fingerprint
    else { return nil }
    return data[(newline + 1)...]
  }

  /// The course a snapshot holds, or nil when the bytes do not decode.
  static func decode(_ body: Data) -> Course? {
    guard let snapshot = try? JSONDecoder().decode(Snapshot.self, from: body) else {
      return nil
    }
    return Course(
      lessons: snapshot.lessons, cases: snapshot.cases, glossary: snapshot.glossary,
      references: snapshot.references)
  }

  static func write(_ course: Course, fingerprint: String, to file: URL) {
    let snapshot = Snapshot(
      lessons: course.lessons, cases: course.cases, glossary: course.glossary,
      references: course.references)
    guard let body = try? JSONEncoder().encode(snapshot) else { return }
    let directory = file.deletingLastPathComponent()
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    // Written whole and renamed into place, so a reader never sees half a cache.
    let temporary = directory.appendingPathComponent(".\(file.lastPathComponent).\(getpid())")
    do {
      try (Data((fingerprint + "\n").utf8) + body).write(to: temporary)
      if rename(temporary.path, file.path) != 0 {
        try? FileManager.default.removeItem(at: temporary)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
    }
  }

  static func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }
}

/// A fingerprint of a course folder: every course file's name, size and modification time.
enum CourseFingerprint {
  /// Nil when the folder cannot be listed (the loader will then report why).
  static func of(directory: String) -> String? {
    var lines: [String] = [CourseCache.formatVersion]
    for folder in [directory, directory + "/cases"] {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
        if folder == directory { return nil }
        continue
      }
      for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
        var info = stat()
        guard stat(folder + "/" + name, &info) == 0 else { return nil }
        lines.append(
          "\(folder)/\(name)\t\(info.st_size)\t\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
      }
    }
    return String(hash(lines.joined(separator: "\n")), radix: 16)
  }

  /// FNV-1a, 64 bits: stable across runs and machines, unlike `Hasher`.
  static func hash(_ text: String) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value = value &* 0x100_0000_01b3
    }
    return value
  }
}
