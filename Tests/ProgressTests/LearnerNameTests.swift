import Testing

@testable import Progress

@Suite("Learner names")
struct LearnerNameTests {
  @Test(
    "refused names: empty, spaces only, controls, direction overrides, too long",
    arguments: [
      "", "   ", "ana\u{0}", "ana\n", "ana\u{202E}", "a\u{1b}[31m",
      String(repeating: "a", count: 65),
    ])
  func refused(raw: String) {
    #expect(throws: ProgressError.invalidLearnerName(raw)) { try LearnerName(raw) }
  }

  @Test(
    "any display name is accepted and kept as written",
    arguments: [
      "ana", "A.b_c-1", String(repeating: "z", count: 64), "0", "José", "Sam Resident",
      "Ngũgĩ wa Thiong'o", "李小龙", "../etc/passwd", ".hidden",
    ])
  func accepted(raw: String) throws {
    #expect(try LearnerName(raw).value == raw)
    #expect(try LearnerName(raw).description == raw)
  }

  @Test("a name earlier nelms allowed is its own file name, so old files are found")
  func oldNames() throws {
    for raw in ["ana", "A.b_c-1", "sam-resident"] {
      #expect(try LearnerName(raw).fileStem == raw)
    }
  }

  @Test(
    "any other name gets a safe file name, spelled in ASCII, distinct from its neighbours",
    arguments: ["José", "Sam Resident", "李小龙", "../etc/passwd", ".hidden", "a/b", "ana:b"])
  func derived(raw: String) throws {
    let stem = try LearnerName(raw).fileStem
    #expect(
      stem.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || "-_.".unicodeScalars.contains($0)
      })
    #expect(!stem.hasPrefix(".") && !stem.isEmpty && stem.count <= 64)
    #expect(try LearnerName(raw).fileStem == stem)  // the same every time
  }

  @Test("José and Sam Resident read well in their file names; José is not Jose")
  func readable() throws {
    #expect(try LearnerName("José").fileStem.hasPrefix("Jose-"))
    #expect(try LearnerName("Sam Resident").fileStem.hasPrefix("Sam-Resident-"))
    #expect(try LearnerName("José").fileStem != LearnerName("Jose").fileStem)
  }

  @Test("the message says what is allowed and shows control characters escaped")
  func message() {
    #expect(
      ProgressError.invalidLearnerName("").message
        == "learner name '' is not allowed: use 1–64 characters, without control characters "
        + "or direction overrides")
    #expect(
      ProgressError.invalidLearnerName("a\u{0}\u{1b}").message.hasPrefix(
        "learner name 'a\\u{0}\\u{1b}' is not allowed"))
  }
}
