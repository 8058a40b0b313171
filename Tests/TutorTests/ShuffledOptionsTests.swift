import Cases
import Course
import Foundation
import Identifiers
import Progress
import Testing
@testable import Tutor

@Suite("Options shuffled per learner and item")
struct ShuffledOptionsTests {
  /// The real course, or nil when the tests run without the repository's Lessons folder.
  static let course: Course? = {
    let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons")
    return try? CourseLoader.load(from: lessons.path)
  }()

  /// Every question and authored case step `learner` is shown, as (shown options, key ids).
  static func shown(_ course: Course, learner: String) -> [(ShownChoices, Set<String>)] {
    var all: [(ShownChoices, Set<String>)] = []
    for lesson in course.lessons {
      for question in lesson.questions {
        all.append((ShownChoices(question, of: lesson, learner: learner), Set(question.key)))
      }
    }
    for item in course.cases {
      for step in item.steps {
        guard case .success(let key) = step.answerKey() else { continue }
        let shown = ShownChoices(
          key, several: step.kind.allowsSeveral, learner: learner, item: item.itemID(of: step))
        all.append((shown, Set(key.correct)))
      }
    }
    return all
  }

  @Test(
    "over the whole course, the first letter is the key for at most 40 % of the questions shown",
    arguments: ["ana", "ben", "José", "sam-resident", "zoë", "learner-42"])
  func firstLetterIsRarelyTheKey(learner: String) throws {
    let course = try #require(Self.course)
    let shown = Self.shown(course, learner: learner)
    #expect(shown.count > 150)
    let atA = shown.filter { choices, key in
      choices.choices.first.map { key.contains($0.id) } ?? false
    }
    let share = Double(atA.count) / Double(shown.count)
    #expect(share <= 0.40, "\(learner): \(atA.count) of \(shown.count) keys at a")
  }

  @Test("every shuffled question and case step has its key under more than one letter")
  func keysMoveBetweenLearners() throws {
    let course = try #require(Self.course)
    let learners = ["ana", "ben", "cy", "dee", "eve", "fay", "gus", "hal", "ivy", "jo"]
    let byLearner = learners.map { Self.shown(course, learner: $0) }
    var fixed: [String] = []
    for index in byLearner[0].indices {
      let (first, key) = byLearner[0][index]
      guard !first.isTrueFalse, first.choices.count > 1, key.count < first.choices.count,
        !key.isEmpty
      else { continue }
      let letters = Set(
        byLearner.map { all in
          all[index].0.choices.indices.filter { key.contains(all[index].0.choices[$0].id) }
        })
      if letters.count == 1 { fixed.append(first.choices.map(\.id).joined(separator: ",")) }
    }
    #expect(fixed.isEmpty, "keys at one letter for every learner: \(fixed.prefix(5))")
  }

  @Test("the order is the same on every call, differs between learners, and keeps true/false")
  func stableAndPersonal() {
    let lesson = TutorFixture.lesson
    let single = lesson.questions[0]
    let first = ShownChoices(single, of: lesson, learner: "ana")
    #expect(first == ShownChoices(single, of: lesson, learner: "ana"))
    #expect(Set(first.choices.map(\.id)) == ["a", "b", "c"])
    let orders = Set(
      ["ana", "ben", "cy", "dee", "eve", "fay", "gus", "hal"].map {
        ShownChoices(single, of: lesson, learner: $0).choices.map(\.id)
      })
    #expect(orders.count > 1)
    let trueFalse = lesson.questions[2]
    for learner in ["ana", "ben", "cy"] {
      #expect(
        ShownChoices(trueFalse, of: lesson, learner: learner).choices.map(\.label)
          == ["True", "False"])
    }
  }

  @Test("the letter shown is read back as the option's id, and the id is what is recorded")
  func recordsIDs() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(1)
    let screen = tutor.accept("repeat").text
    let letter = tutor.letter(of: "b", question: "g1")
    #expect(screen.contains("  \(letter)) G2"))
    _ = tutor.accept(letter)
    #expect(tutor.unsavedAnswers.last?.response == ["b"])
    #expect(tutor.unsavedAnswers.last?.correct == true)
  }

  @Test("review shows a question in the same order as the lesson did")
  func sameOrderInReview() {
    let clock = TutorFixture.Clock()
    var tutor = TutorFixture.tutor(clock: clock)
    tutor.goToQuestion(1)
    let inLesson = tutor.accept("repeat").text
    _ = tutor.accept("reveal")
    _ = tutor.interrupt()
    clock.now += 3_600
    let inReview = tutor.accept("review").text
    let options = { (text: String) in
      text.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(") G") }
    }
    #expect(options(inLesson).count == 3)
    #expect(options(inLesson) == options(inReview))
  }

  /// One row of the fixture shared with the e2e tests' Python copy of the shuffle.
  struct PinnedOrder: Decodable {
    var learner: String
    var item: String
    var count: Int
    var order: [Int]
  }

  @Test("the shuffle gives the orders pinned for the e2e tests' Python copy")
  func pinnedOrders() throws {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("e2e/fixtures/option-order.json")
    struct Document: Decodable { var rows: [PinnedOrder] }
    let rows = try JSONDecoder().decode(Document.self, from: Data(contentsOf: fixture)).rows
    #expect(rows.count >= 30)
    for row in rows {
      #expect(
        OptionOrder.permutation(count: row.count, learner: row.learner, item: ItemID(row.item))
          == row.order, "\(row.learner) \(row.item) \(row.count)")
    }
  }
}
