import Foundation

/// Loads the course through a cache checked against the course files, so that start-up does
/// not parse every YAML file each time (Yams reads about 5 KB a millisecond here; the
/// course is over half a megabyte).
///
/// The cache is one file per course folder. Its first line is a fingerprint of the course
/// files (names, sizes and contents) and of this build's cache format, its second the course's
/// small `CourseSummary` (what the greeting needs, in its own line format), the rest the course
/// as JSON; only the first two lines are read before the first prompt. Any change to
/// a file, or a file added or removed, makes it stale and the course is loaded from the YAML
/// again. Contents, not modification times: an edit that keeps the size and puts the time
/// back is still seen. A broken or unreadable cache is ignored, never trusted. The cache
/// folder is 0700 and its files 0600 whatever the umask, and a cache file is read only when
/// it is a regular file.
public enum CourseCache {
  /// Bumped whenever the cached model changes shape.
  static let formatVersion = "nelm-course-cache-6"

  /// The course in `directory`, from the cache in `cacheDirectory` when it is fresh.
  /// Without a cache directory, or when the cache cannot be written, it loads as usual.
  public static func load(from directory: String, cacheDirectory: String?) throws(CourseError)
    -> Course
  {
    guard let cacheDirectory else { return try CourseLoader.load(from: directory) }
    let fingerprint = CourseFingerprint.of(directory: directory)
    let file = cacheFile(for: directory, in: cacheDirectory)
    if let fingerprint, let body = openFresh(file, fingerprint: fingerprint)?.course(),
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

  /// Where the cache of `directory` lives: one file for each way of writing the folder. The
  /// cached course names its files as the folder was written (for messages), so the
  /// fingerprint covers that spelling; with one file for all spellings, `--lessons Lessons`
  /// and `--lessons /abs/Lessons` in turn made each start-up find it stale and parse the YAML.
  static func cacheFile(for directory: String, in cacheDirectory: String) -> URL {
    let key = CourseFingerprint.hash(absolute(directory) + "\u{0}" + directory)
    return URL(fileURLWithPath: cacheDirectory).appendingPathComponent("course-\(key).json")
  }

  /// The snapshot the cache holds.
  struct Snapshot: Codable {
    var lessons: [Lesson]
    var cases: [ClinicalCase]
    var glossary: [GlossaryEntry]
    var references: [Reference]
  }

  /// The cache file, opened when it is a regular file whose first line is `fingerprint`; nil
  /// otherwise.
  static func openFresh(_ file: URL, fingerprint: String) -> FreshCache? {
    guard let cache = FreshCache(path: file.path),
      String(decoding: cache.fingerprintLine, as: UTF8.self) == fingerprint
    else { return nil }
    return cache
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
    // A summary that cannot be a line is left empty: the greeting then waits for the course.
    let summary = CourseSummary(course).line ?? []
    let directory = file.deletingLastPathComponent().path
    guard makePrivateFolder(directory) else { return }
    // Written whole and renamed into place, so a reader never sees half a cache; created
    // afresh (a name planted there is removed, not written through), mode 0600.
    let temporary = directory + "/.\(file.lastPathComponent).\(getpid())"
    unlink(temporary)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return }
    // JSONEncoder writes no newline inside a document (strings escape theirs), nor does the
    // summary's line.
    let bytes = Data((fingerprint + "\n").utf8) + summary + Data("\n".utf8) + body
    var written = fchmod(fd, 0o600) == 0
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while written && offset < buffer.count {
        let count = Foundation.write(
          fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { written = false } else { offset += count }
      }
    }
    if close(fd) != 0 { written = false }
    if !written || rename(temporary, file.path) != 0 { unlink(temporary) }
  }

  /// Creates `path` and its missing parents as 0700 folders; whether it is a folder now.
  private static func makePrivateFolder(_ path: String) -> Bool {
    var info = stat()
    if stat(path, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty, parent != path, !makePrivateFolder(parent) { return false }
    guard mkdir(path, 0o700) == 0 || errno == EEXIST else { return false }
    // The umask may have taken bits from 0700.
    _ = chmod(path, 0o700)
    return true
  }

  static func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }
}

/// A fingerprint of a course folder: every course file's name, size and contents.
///
/// A change detector, not a defence against someone crafting a collision, who could edit the
/// course itself anyway. It is computed at every start-up, before the first prompt, over the
/// 900 KB of the course: FNV-1a a byte at a time took about 1.4 ms of that, so the bytes go
/// eight at a time through four independent lanes (BENCHMARKS.md, Start-up; `Digest`).
enum CourseFingerprint {
  /// Nil when the folder cannot be listed or a file cannot be read (the loader will then
  /// report why).
  static func of(directory: String) -> String? {
    var hash = Digest()
    hash.add(CourseCache.formatVersion)
    for folder in [directory, directory + "/cases"] {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
        if folder == directory { return nil }
        continue
      }
      // Resolved once per folder, not for each file (a `realpath` and path edits, 54 times).
      let root = CourseFileReader.root(of: folder)
      for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
        guard case .success(let bytes) = CourseFileReader.bytes(of: folder + "/" + name, root: root)
        else { return nil }
        hash.add("\n\(folder)/\(name)\t\(bytes.count)\n")
        hash.add(bytes)
      }
    }
    return String(hash.value, radix: 16)
  }

  /// A 64-bit hash of `text`, stable across runs and machines, unlike `Hasher`.
  static func hash(_ text: String) -> UInt64 {
    var hash = Digest()
    hash.add(text)
    return hash.value
  }

  /// A 64-bit hash fed piece by piece: each piece's whole 32-byte blocks in four lanes over
  /// little-endian words, the lanes then folded into the running value, the rest a byte at a
  /// time (FNV-1a); the result mixed once more when it is read.
  ///
  /// A multiplication carries a change only towards the high bits, so a lane step that only
  /// xors and multiplies (FNV-1a on words) leaves a change to a word's top byte in the top 8
  /// bits of the hash, and two such edits of a file collided about once in 256 (a test that
  /// failed now and then). Each word step therefore also folds the lane's high half onto its
  /// low half, and the lanes and the result go through a full 64-bit mixer (the MurmurHash3
  /// finaliser). Every step is a bijection of its state (an xor with a value not depending on
  /// it, a multiplication by an odd number, an xor with its own upper bits), so a change
  /// confined to one word still always changes the hash.
  struct Digest {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    /// The hash of everything added so far.
    var value: UInt64 { Self.mix(state) }

    /// MurmurHash3's 64-bit finaliser: every bit of the result depends on every bit of `x`.
    private static func mix(_ x: UInt64) -> UInt64 {
      var x = x
      x ^= x >> 33
      x &*= 0xff51_afd7_ed55_8ccd
      x ^= x >> 33
      x &*= 0xc4ce_b9fe_1a85_ec53
      x ^= x >> 33
      return x
    }

    mutating func add(_ text: String) {
      add(Array(text.utf8))
    }

    mutating func add(_ bytes: [UInt8]) {
      bytes.withUnsafeBytes { add($0) }
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
      let prime = Self.prime
      var value = state
      var offset = 0
      if bytes.count >= 32 {
        // Distinct starting lanes, so that equal words in different lanes differ.
        var lanes = (
          value, value ^ 0x9e37_79b9_7f4a_7c15, value ^ 0xc2b2_ae3d_27d4_eb4f,
          value ^ 0x1656_67b1_9e37_79f9
        )
        func word(_ at: Int) -> UInt64 {
          UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        }
        func step(_ lane: inout UInt64, _ word: UInt64) {
          lane = (lane ^ word) &* prime
          lane ^= lane >> 32
        }
        while offset + 32 <= bytes.count {
          step(&lanes.0, word(offset))
          step(&lanes.1, word(offset + 8))
          step(&lanes.2, word(offset + 16))
          step(&lanes.3, word(offset + 24))
          offset += 32
        }
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] {
          value = Self.mix(value ^ lane)
        }
      }
      for byte in bytes[offset...] {
        value = (value ^ UInt64(byte)) &* prime
      }
      state = value
    }
  }
}
