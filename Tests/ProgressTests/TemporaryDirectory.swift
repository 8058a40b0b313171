import Foundation

@testable import Progress

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("nelm-progress-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Names of the entries in the directory, sorted.
  func entries() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
  }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}

/// Runs `body` with a temporary directory that is removed afterwards.
func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
  let directory = try TemporaryDirectory()
  defer { directory.remove() }
  return try body(directory)
}

/// A session with a lesson and answers whose dates have sub-millisecond parts.
func sampleSession(learner: String = "ana") -> Session {
  let start = Date(timeIntervalSince1970: 1_709_285_400.123_456)
  var session = Session(learner: learner, now: start)
  session.settings.color = "never"
  session.lessons["grading"] = LessonProgress(
    position: 3, started: start, updated: start.addingTimeInterval(61.000_7))
  session.lessons["imaging"] = LessonProgress(
    position: 9, completed: true, started: start, updated: start.addingTimeInterval(0.9996))
  session.record(
    Answer(
      item: "grading/ki67", response: ["b"], correct: true, at: start.addingTimeInterval(12.5),
      durationMs: 8_250, hintsUsed: 0))
  session.record(
    Answer(
      item: "imaging/ga68", response: [], correct: false, skipped: true,
      at: start.addingTimeInterval(40.918), durationMs: 1_200, hintsUsed: 2))
  session.updated = start.addingTimeInterval(40.918)
  return session
}

/// The `ProgressError` thrown by `body`, or nil when it did not throw.
func progressError<T>(_ body: () throws(ProgressError) -> T) -> ProgressError? {
  do {
    _ = try body()
    return nil
  } catch {
    return error
  }
}
