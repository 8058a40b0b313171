import Testing

@testable import Shell

@Suite("Tab's candidates in columns (B9)")
struct CandidateColumnsTests {
  static let lessons = [
    "nets-and-liver-metastases", "grading-and-staging", "clinical-picture", "imaging-and-biopsy",
    "patterns-of-liver-involvement", "hepatic-resection", "liver-transplantation", "ablation",
    "1", "2", "3", "4", "5", "6", "7", "8",
  ]

  @Test("every line fits the width and every word is whole", arguments: [40, 60, 100, 160])
  func fits(width: Int) {
    let lines = CandidateColumns.lines(Self.lessons, width: width)
    #expect(lines.allSatisfy { $0.count <= width })
    #expect(
      lines.flatMap { $0.split(separator: " ").map(String.init) }.sorted()
        == Self.lessons.sorted())
    #expect(lines.count > 1)
  }

  @Test("down then across, as ls lists")
  func order() {
    let lines = CandidateColumns.lines(["a", "b", "c", "d", "e"], width: 7)
    #expect(lines == ["a  c  e", "b  d"])
  }

  @Test("a few short words stay on one line")
  func oneLine() {
    #expect(CandidateColumns.lines(["incorrect", "flagged"], width: 80) == ["incorrect  flagged"])
  }
}
