import Foundation

/// The course, possibly still being read on another thread.
///
/// Start-up reads the checked cache's bytes and checks them against the course files at
/// once (so a stale or broken course is still reported before the first prompt), then
/// decodes them in the background while the shell opens the session and shows its prompt.
/// The first use of `course` waits for the decoding if it is not done yet; `summary` (what the
/// greeting needs) is there at once when the cache held it.
public final class CourseProvider: @unchecked Sendable {
  // Guarded by `condition`: set once, by the loading thread or at init.
  private var loaded: Course?
  private let condition = NSCondition()
  /// The summary read before the course, if any; otherwise it is made from the course.
  private let early: CourseSummary?

  /// A course that is already loaded.
  public init(_ course: Course) {
    loaded = course
    early = nil
  }

  /// Starts `load` on a thread of its own; `course` waits for it, `summary` does not when
  /// `summary` is given.
  public init(
    summary: CourseSummary? = nil, loadingInBackground load: @escaping @Sendable () -> Course
  ) {
    early = summary
    let thread = Thread { [condition] in
      let course = load()
      condition.lock()
      self.loaded = course
      condition.broadcast()
      condition.unlock()
    }
    thread.stackSize = 4 << 20
    thread.start()
  }

  /// The course, waiting for the background load when it is not finished.
  public var course: Course {
    condition.lock()
    defer { condition.unlock() }
    while loaded == nil { condition.wait() }
    // The loop above ends only once `loaded` is set.
    return loaded ?? Course(lessons: [])
  }

  /// Titles, counts and item ids of the course, without waiting for it when the cache held
  /// them.
  public var summary: CourseSummary {
    early ?? CourseSummary(course)
  }
}

extension CourseCache {
  /// The course for the shell: from a fresh cache, decoded in the background; otherwise
  /// loaded (and its cache written) now, so that problems are reported before the prompt.
  public static func provider(from directory: String, cacheDirectory: String?)
    throws(CourseError) -> CourseProvider
  {
    guard let cacheDirectory, let fingerprint = CourseFingerprint.of(directory: directory)
    else {
      return CourseProvider(try load(from: directory, cacheDirectory: cacheDirectory))
    }
    let file = cacheFile(for: directory, in: cacheDirectory)
    guard let cache = openFresh(file, fingerprint: fingerprint) else {
      // Stale or missing: load now, so problems are reported before the prompt.
      return CourseProvider(try loadAndCache(directory, fingerprint: fingerprint, file: file))
    }
    // An empty summary line, or one that does not read, leaves the greeting to wait for the
    // course.
    let summary = cache.summary.isEmpty ? nil : CourseSummary(line: cache.summary)
    return CourseProvider(
      summary: summary,
      loadingInBackground: {
        if let body = cache.course(), let course = decode(body) { return course }
        // The cache matched its fingerprint but did not read or decode (edited by hand?):
        // read the YAML instead; the course lint-checked clean when the cache was written.
        return (try? CourseLoader.load(from: directory)) ?? Course(lessons: [])
      })
  }
}
