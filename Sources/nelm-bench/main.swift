// Measures the two figures of BENCHMARKS.md that cannot be timed from outside the process:
// loading the course, and the path from an answer to its durable save (the tutor grades and
// records it, then the session file is written, flushed and renamed), at several sizes of
// stored history. Run it through `make bench`.
import Course
import Foundation
import Progress
import Tutor

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func report(_ label: String, _ samples: [Double]) {
  let sorted = samples.sorted()
  let line = String(
    format: "%-44@ median %8.3f ms   min %8.3f   max %8.3f   (n=%d)", label as NSString,
    median(samples), sorted.first ?? 0, sorted.last ?? 0, samples.count)
  print(line)
}

let arguments = CommandLine.arguments

// `nelm-bench make-learner DIR NAME COUNT [LESSONS [GENERATED%]]`: a realistic learner with
// COUNT answers to the real course's questions and authored case steps, GENERATED % of them
// (0 by default) to the steps of generated cases, spread over up to two years, written as the
// shell writes them (log lines with their effects, then a checkpoint).
if arguments.count >= 5, arguments[1] == "make-learner", let count = Int(arguments[4]) {
  do {
    let course = try CourseLoader.load(from: arguments.count > 5 ? arguments[5] : "Lessons")
    let generatedShare = arguments.count > 6 ? (Double(arguments[6]) ?? 0) / 100 : 0
    try Learners.make(
      in: URL(fileURLWithPath: arguments[2]), name: arguments[3], answers: count, course: course,
      generatedShare: generatedShare)
    exit(0)
  } catch {
    print(error)
    exit(1)
  }
}

// `nelm-bench answer DIR NAME [LESSONS]`: one durable answer in process, for a learner made
// by make-learner: the tutor grades it and the shell's path logs it (one line, one fsync).
if arguments.count >= 4, arguments[1] == "answer" {
  do {
    let lessons = arguments.count > 4 && arguments[4] != "--samples" ? arguments[4] : "Lessons"
    let course = try CourseLoader.load(from: lessons)
    let samples = try Learners.timeAnswers(
      in: URL(fileURLWithPath: arguments[2]), name: arguments[3], course: course, rounds: 40)
    report("answer → durable (log line + fsync), \(arguments[3])", samples)
    if arguments.contains("--samples") { for sample in samples { print("sample \(sample)") } }
    exit(0)
  } catch {
    print(error)
    exit(1)
  }
}

// `nelm-bench fsrs FILE`: the scheduling alone of a replay file's reviews, in process (the
// figure to set beside the PyPI package's in-process time).
if arguments.count == 3, arguments[1] == "fsrs",
  let data = FileManager.default.contents(atPath: arguments[2])
{
  let reviews = FSRSReplay.parse(data).reviews
  var samples: [Double] = []
  for _ in 0..<5 {
    samples.append(milliseconds { _ = FSRSReplay.replay(reviews) })
  }
  report("schedule \(reviews.count) reviews (FSRS-6, in process)", samples)
  exit(0)
}

// `nelm-bench load DIR`: loading and validating a (large, generated) course, from its YAML and
// from the checked cache.
if arguments.count == 3, arguments[1] == "load" {
  do {
    var course = Course(lessons: [])
    let full = try (0..<3).map { _ in
      try milliseconds { course = try CourseLoader.load(from: arguments[2]) }
    }
    let questions = course.lessons.map(\.questions.count).reduce(0, +)
    report("load and validate \(questions) questions from YAML", full)
    let cache = FileManager.default.temporaryDirectory
      .appendingPathComponent("nelm-bench-load-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: cache) }
    _ = try CourseCache.load(from: arguments[2], cacheDirectory: cache)
    let cached = try (0..<5).map { _ in
      try milliseconds { _ = try CourseCache.load(from: arguments[2], cacheDirectory: cache) }
    }
    report("load \(questions) questions from the checked cache", cached)
    exit(0)
  } catch {
    print(error)
    exit(1)
  }
}

let lessonsDirectory = arguments.count > 1 ? arguments[1] : "Lessons"
let scratch = FileManager.default.temporaryDirectory
  .appendingPathComponent("nelm-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: scratch) }

do {
  var course = Course(lessons: [])
  let loads = try (0..<10).map { _ in
    try milliseconds { course = try CourseLoader.load(from: lessonsDirectory) }
  }
  report(
    "load the course from YAML (\(course.lessons.count) lessons, \(course.cases.count) cases)",
    loads)
  let cache = scratch.appendingPathComponent("cache").path
  _ = try CourseCache.load(from: lessonsDirectory, cacheDirectory: cache)
  let cached = try (0..<20).map { _ in
    try milliseconds { _ = try CourseCache.load(from: lessonsDirectory, cacheDirectory: cache) }
  }
  report("load the course from its checked cache", cached)

  for stored in [10, 1_000, 100_000] {
    let name = "bench-\(stored)"
    try Learners.make(
      in: scratch, name: name, answers: stored, course: course, generatedShare: 0)
    let samples = try Learners.timeAnswers(in: scratch, name: name, course: course, rounds: 40)
    report("answer → durable (one log line), \(stored) answers stored", samples)
  }
} catch let error as CourseError {
  print(error.message)
  exit(1)
} catch let error as ProgressError {
  print(error.message)
  exit(1)
} catch {
  print(error)
  exit(1)
}
