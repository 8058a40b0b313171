import Testing

@testable import Course

@Suite("Course balance: key positions, true/false split, checks that mention the tool")
struct CourseBalanceTests {
  @Test(
    "words that name the tool are found; medicine that looks like them is not",
    arguments: [
      ("What does the nelm engine answer?", ["nelm", "engine"]),
      ("Which rule decides: D7 or D8?", ["D7", "D8"]),
      ("D2a applies first", ["D2a"]),
      ("It ends in D5/N0.", ["D5"]),
      ("N1/S3 branches", ["N1/"]),
      ("the branch S2 of the systemic route", ["branch S2"]),
      ("resectability two_stage means", ["two_stage"]),
      ("its lmType is II", ["lmType"]),
      ("A pT2 N1 ileal NET with NELM and a raised NT-proBNP", []),
      ("pNETs are graded by Ki-67; N0 and N1 are nodal categories", []),
      ("Vitamin levels and a D-dimer", []),
    ])
  func toolWords(text: String, expected: [String]) {
    #expect(ToolMention.words(in: text) == expected)
  }

  static func single(_ id: String, keyAt index: Int, stem: String = "Which grade?") -> Question {
    let ids = ["a", "b", "c", "d"]
    return Question(
      id: id, kind: .single, stem: stem,
      options: ids.map { Option(id: $0, text: "option \($0)", explanation: "why \($0)") },
      key: [ids[index]], explanation: "Because.", source: "Frilling A et al., HPB 2010")
  }

  static func trueFalse(_ id: String, true isTrue: Bool) -> Question {
    Question(
      id: id, kind: .trueFalse, stem: "A statement.",
      options: [
        Option(id: "a", text: "True", explanation: "It holds."),
        Option(id: "b", text: "False", explanation: "It does not."),
      ],
      key: [isTrue ? "a" : "b"], explanation: "Because.", source: "Frilling A et al., HPB 2010")
  }

  static func course(_ questions: [Question]) -> Course {
    Course(lessons: [
      Lesson(
        id: "one", title: "One", order: 1, summary: "S.", objectives: ["O."], source: "R.",
        pages: [Page(title: "P", text: "T.", source: "R.")], questions: questions)
    ])
  }

  @Test("4 of 10 keys at one position is within bounds; 5 of 10 is not")
  func positionBound() {
    let balanced = Self.course(
      (0..<10).map { Self.single("q\($0)", keyAt: [0, 0, 0, 0, 1, 1, 1, 2, 2, 3][$0]) })
    #expect(CourseBalance(course: balanced).lessonKeyPositions == [4, 3, 2, 1])
    #expect(CourseBalance(course: balanced).problems.isEmpty)
    let skewed = Self.course(
      (0..<10).map { Self.single("q\($0)", keyAt: [0, 0, 0, 0, 0, 1, 1, 2, 2, 3][$0]) })
    let problems = CourseBalance(course: skewed).problems
    #expect(problems.count == 1)
    #expect(
      problems.first?.hasPrefix("5 of 10 single-answer lesson checks have their key at option a")
        == true)
  }

  @Test("fewer than 10 keys are counted but not judged")
  func smallCourse() {
    let course = Self.course((0..<9).map { Self.single("q\($0)", keyAt: 0) })
    #expect(CourseBalance(course: course).lessonKeyPositions == [9])
    #expect(CourseBalance(course: course).problems.isEmpty)
  }

  @Test(
    "true/false keys must be 40–60 % True",
    arguments: [(3, false), (4, true), (5, true), (6, true), (7, false)])
  func trueFalseBound(trueCount: Int, withinBounds: Bool) {
    let course = Self.course((0..<10).map { Self.trueFalse("t\($0)", true: $0 < trueCount) })
    let balance = CourseBalance(course: course)
    #expect(balance.trueKeys == trueCount && balance.falseKeys == 10 - trueCount)
    #expect(balance.problems.isEmpty == withinBounds)
  }

  @Test("a check that mentions the tool is listed with its words")
  func toolMentions() {
    let course = Self.course([
      Self.single("clinical", keyAt: 1, stem: "A 60-year-old with a G2 ileal NET: next step?"),
      Self.single("tool", keyAt: 2, stem: "Which rule does the engine apply here?"),
    ])
    #expect(
      CourseBalance(course: course).toolMentions
        == [ToolMentioningCheck(question: "tool", words: ["engine"])])
  }
}
