import Cases
import Course
import Foundation
import Identifiers
import Progress
import Tutor

/// Realistic learners for the benchmarks, and the in-process timing of one answer.
enum Learners {
  /// Writes learner `name` into `folder` with `answers` answers: the real course's questions
  /// and authored case steps in turn, and a `generatedShare` of generated cases' steps (one
  /// case after another, each answered to its end), about 70 % right, spread over at most two
  /// years up to now. The log is written as the shell writes it, in batches.
  static func make(
    in folder: URL, name: String, answers count: Int, course: Course, generatedShare: Double
  ) throws {
    let store = SessionStore(directory: folder)
    let open = try store.open(LearnerName(name), now: Date())
    defer { open.close() }
    var items: [ItemID] = course.lessons.flatMap { lesson in
      lesson.questions.map { lesson.itemID(of: $0) }
    }
    items += course.cases.flatMap { item in item.steps.map { item.itemID(of: $0) } }
    let span = min(Double(count) * 600, 2 * 365 * 86_400)
    let start = Date().addingTimeInterval(-span)
    var random = SystemRandomNumberGenerator()
    var generated: [ItemID] = []
    var seed: UInt64 = 1
    var target = open.session
    var batch: [Answer] = []
    for index in 0..<count {
      let item: ItemID
      if Double.random(in: 0..<1, using: &random) < generatedShare {
        if generated.isEmpty {
          seed += 1
          let made = CaseGenerator.generate(seed: seed)
          generated = made.steps.map { made.itemID(of: $0) }.reversed()
        }
        item = generated.removeLast()
      } else {
        item = items[index % items.count]
      }
      let correct = Int.random(in: 0..<10, using: &random) < 7
      let answer = Answer(
        item: item, response: ["a"], correct: correct,
        at: start.addingTimeInterval(span * Double(index) / Double(max(count, 1))),
        durationMs: 4000, hintsUsed: 0,
        outcome: item.isCaseStep ? (correct ? .correct : .wrong) : nil)
      target.record(answer)
      batch.append(answer)
      if batch.count == 20_000 {
        try open.record(batch, reaching: target)
        batch = []
      }
    }
    try open.record(batch, reaching: target)
    try open.checkpoint(target)
  }

  /// Milliseconds of each of `rounds` answers to the second question of lesson 1, from the
  /// tutor taking the line to the line flushed in the log. The page turns and the first
  /// question before it are not timed: in a shell the tutor's copy of the session is its own
  /// after the first answer, as it is here for the timed one.
  static func timeAnswers(in folder: URL, name: String, course: Course, rounds: Int) throws
    -> [Double]
  {
    let store = SessionStore(directory: folder)
    let open = try store.open(LearnerName(name), now: Date())
    defer { open.close() }
    guard let lesson = course.lessons.first, lesson.questions.count >= 2 else { return [] }
    let first = lesson.questions[0]
    let question = lesson.questions[1]
    var samples: [Double] = []
    for _ in 0..<rounds {
      // Lesson 1 from its start each round, so the answer goes to its first question.
      var start = open.session
      start.lessons[lesson.id] = nil
      var tutor = Tutor(course: course, session: start)
      _ = tutor.accept("study 1")
      for _ in lesson.pages { _ = tutor.accept("") }
      try open.checkpoint(tutor.session)
      _ = tutor.accept(first.key.joined(separator: " "))
      try open.record(tutor.takeUnsavedAnswers(), reaching: tutor.session)
      _ = tutor.accept("")
      let answer = question.key.joined(separator: " ")
      var taken = 0
      samples.append(
        try milliseconds {
          _ = tutor.accept(answer)
          let answers = tutor.takeUnsavedAnswers()
          taken = answers.count
          try open.record(answers, reaching: tutor.session)
        })
      guard taken == 1 else { throw BenchError.noAnswer(taken) }
    }
    return samples
  }
}

/// A benchmark that did not measure what it says.
enum BenchError: Error {
  /// The timed line recorded this many answers, not one.
  case noAnswer(Int)
}
