import Cases
import Course
import Foundation
import Identifiers
import Progress
import Testing

@testable import Exports

@Suite("Finding items and reading a learner's record")
struct LearnerRecordTests {
  let catalog = ItemCatalog(course: ExportFixture.course)

  @Test(arguments: [
    ("grading/g2", "question g2"),
    ("case/ileal/grade", "step grade at 1"),
    ("case/ileal/first", "step first at 0"),
    ("grading/g9", "none"),
    ("nolesson/g1", "none"),
    ("case/nocase/grade", "none"),
    ("case/ileal", "none"),
    ("grading/g2/extra", "none"),
  ])
  func resolving(item: String, found: String) {
    let description =
      switch catalog.resolve(ItemID(item)) {
      case .question(_, let question): "question \(question.id)"
      case .caseStep(_, let step, let index): "step \(step.id) at \(index)"
      case nil: "none"
      }
    #expect(description == found)
  }

  @Test func aGeneratedCaseIsMadeAgainFromItsSeed() throws {
    let generated = try #require(catalog.clinicalCase("random:42"))
    #expect(generated.id == "random:42")
    #expect(generated.steps == CaseGenerator.generate(seed: 42).steps)
    let step = try #require(generated.steps.first)
    #expect(catalog.resolve("case/random:42/\(step.id)") != nil)
    #expect(catalog.clinicalCase("random:x") == nil)
    #expect(catalog.clinicalCase("random:42:no-such-topic") == nil)
  }

  @Test func readingTheFilesAShellWrote() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("nelm-exports-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = SessionStore(directory: directory)
    let learner = try LearnerName("ana")
    let open = try store.open(learner, now: ExportFixture.time())
    let answer = Answer(
      item: "grading/g1", response: ["b"], correct: true, at: ExportFixture.time(5),
      durationMs: 5000, hintsUsed: 0)
    try open.append([answer])
    var session = open.session
    session.record(answer)
    session.lessons["grading"] = LessonProgress(
      position: 2, started: ExportFixture.time(), updated: ExportFixture.time(5))
    try open.save(session)
    // Read while the shell still holds the lock: reading does not take it.
    let record = try LearnerRecord.read(learner, from: store)
    open.close()
    #expect(record.learner == "ana")
    #expect(record.answers == [answer])
    #expect(record.session?.lessons["grading"]?.position == 2)
  }

  @Test func aLearnerWithNoFilesIsNoProgress() throws {
    let store = SessionStore(directory: URL(fileURLWithPath: "/nonexistent/sessions"))
    #expect(throws: ExportError.noProgress(learner: "bo", directory: "/nonexistent/sessions")) {
      try LearnerRecord.read(try LearnerName("bo"), from: store)
    }
    #expect(
      ExportError.noProgress(learner: "bo", directory: "/x").message
        == "no progress for learner 'bo' in /x; check --learner and --sessions")
  }
}
