import Foundation
import Identifiers
import Testing

@Suite("Case ids")
struct CaseIDTests {
  @Test(
    "the generated form is read in one way: random:SEED, random:SEED:TOPIC",
    arguments: [
      ("random:42", CaseID.Generated(seed: 42, topic: nil)),
      ("random:42:grading", CaseID.Generated(seed: 42, topic: .grading)),
      ("random:0:transplant", CaseID.Generated(seed: 0, topic: .transplant)),
      ("random:18446744073709551615", CaseID.Generated(seed: .max, topic: nil)),
    ])
  func generated(text: String, expected: CaseID.Generated) {
    #expect(CaseID(text).generated == expected)
    #expect(CaseID(text).isGenerated)
  }

  @Test(
    "a random: id that is not well formed names no generated case",
    arguments: [
      "random:", "random:x", "random:1:cooking", "random:1:", "random:1:grading:x",
      "random:-1", "random:18446744073709551616",
    ])
  func malformed(text: String) {
    #expect(CaseID(text).generated == nil)
    #expect(CaseID(text).isGenerated)
  }

  @Test("an authored id is not generated")
  func authored() {
    #expect(CaseID("ileal-crr").generated == nil)
    #expect(!CaseID("ileal-crr").isGenerated)
  }

  @Test("a generated id is built as it is read")
  func roundTrip() {
    for topic in [nil] + CaseTopic.allCases.map(Optional.some) {
      let id = CaseID.generated(seed: 7, topic: topic)
      #expect(id.generated == CaseID.Generated(seed: 7, topic: topic))
    }
    #expect(CaseID.generated(seed: 42, topic: .grading).rawValue == "random:42:grading")
  }
}

@Suite("Item ids")
struct ItemIDTests {
  @Test("a question's id and a case step's id, built and read")
  func kinds() {
    let question = ItemID.question(lesson: "grading", question: "g1")
    #expect(question.rawValue == "grading/g1")
    #expect(question.kind == .question(lesson: "grading", question: "g1"))
    #expect(!question.isCaseStep)
    let step = ItemID.caseStep("random:42:grading", step: "grade")
    #expect(step.rawValue == "case/random:42:grading/grade")
    #expect(step.kind == .caseStep("random:42:grading", step: "grade"))
    #expect(step.caseID == "random:42:grading")
  }

  @Test(
    "questions and authored case steps come back for review; generated steps do not",
    arguments: [
      ("grading/g1", true), ("case/ileal-crr/best", true), ("case/random:4/grade", false),
      ("case/random:4:staging/t", false),
    ])
  func reviewable(text: String, expected: Bool) {
    #expect(ItemID(text).isReviewable == expected)
  }

  @Test(
    "whether an id comes back for review is what its case says, for ids of every shape",
    arguments: [
      "grading/g1", "case/ileal-crr/best", "case/random:4/grade", "case/random:4:staging/t",
      "case/random:4", "case/random:4/a/b", "case/random:/x", "case/random:x/y", "case//x",
      "case/randomly/x", "random:4/x", "x/case/random:4/y", "case/random:4/", "", "case/",
    ])
  func reviewableAsTheCaseSays(text: String) {
    #expect(ItemID(text).isReviewable == (ItemID(text).caseID?.isGenerated != true))
  }

  @Test(
    "an id names what its parts between slashes say, for ids of every shape",
    arguments: [
      "grading/g1", "case/c1/s2", "case/random:4:staging/t", "a/b/c", "case/a/b/c", "case//x",
      "case/x/", "/x", "x/", "/", "//", "case/", "case", "", "x", "Case/a/b", "é/ü", "case/é/ü",
    ])
  func kindFromParts(text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    var expected: ItemID.Kind?
    if parts.count == 3, parts[0] == "case" {
      expected = .caseStep(CaseID(parts[1]), step: parts[2])
    } else if parts.count == 2 {
      expected = .question(lesson: parts[0], question: parts[1])
    }
    #expect(ItemID(text).kind == expected)
  }

  @Test("an id in neither form is kept as it is and names nothing")
  func neither() {
    #expect(ItemID("a/b/c").kind == nil)
    #expect(ItemID("").kind == nil)
    #expect(ItemID("x").caseID == nil)
  }
}

@Suite("Ids and outcomes in files")
struct IdentifierCodingTests {
  struct Record: Codable, Equatable {
    var item: ItemID
    var caseID: CaseID
    var outcome: Outcome
  }

  @Test("each is written as the string it is, and read back")
  func strings() throws {
    let record = Record(
      item: "case/random:1:grading/grade", caseID: "random:1:grading", outcome: .acceptable)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let text = String(decoding: try encoder.encode(record), as: UTF8.self)
    #expect(
      text
        == #"{"caseID":"random:1:grading","item":"case/random:1:grading/grade","outcome":"acceptable"}"#
    )
    #expect(try JSONDecoder().decode(Record.self, from: Data(text.utf8)) == record)
  }

  @Test("an outcome nelm does not write is read, and known as such")
  func unknownOutcome() throws {
    let text = #"{"caseID":"x","item":"a/b","outcome":"great"}"#
    let record = try JSONDecoder().decode(Record.self, from: Data(text.utf8))
    #expect(record.outcome.rawValue == "great")
    #expect(!record.outcome.isKnown)
    #expect(Outcome.all.allSatisfy { $0.isKnown })
    #expect(Outcome.all.filter(\.isRight) == [.correct, .acceptable])
  }
}
