import Testing

@testable import Progress

@Suite("Learner names")
struct LearnerNameTests {
  @Test(
    "refused names",
    arguments: [
      "", ".hidden", "a/b", "..", ".", "ana b", "é", "ana\u{0}",
      "ana\n", String(repeating: "a", count: 65), "../etc/passwd", "ana\\b", "ana:b",
    ])
  func refused(raw: String) {
    #expect(throws: ProgressError.invalidLearnerName(raw)) { try LearnerName(raw) }
  }

  @Test("accepted names", arguments: ["ana", "A.b_c-1", String(repeating: "z", count: 64), "0"])
  func accepted(raw: String) throws {
    #expect(try LearnerName(raw).value == raw)
    #expect(try LearnerName(raw).description == raw)
  }

  @Test("the message says what is allowed and shows control characters escaped")
  func message() {
    #expect(
      ProgressError.invalidLearnerName("ana/../x").message
        == "learner name 'ana/../x' is not allowed: use 1–64 ASCII letters, digits, '-', '_' "
        + "or '.', not starting with '.'")
    #expect(
      ProgressError.invalidLearnerName("a\u{0}\u{1b}").message.hasPrefix(
        "learner name 'a\\u{0}\\u{1b}' is not allowed"))
  }
}
