import Clinical
import Course
import Figures
import Foundation
import Progress
import Testing

@testable import Tutor

/// Figure 3 in the walk and after a case step, and the charts of `progress`, drawn for the
/// screen they reach.
@Suite("Pictures in the shell")
struct PicturesTests {
  static let now = Date(timeIntervalSince1970: 1_800_000_000)

  func render(_ reply: Reply, width: Int) -> [String] {
    TextRenderer(width: width, color: false).render(reply.blocks)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test("algorithm opens on the tree; its end draws the path the answers took, rules in words")
  func walkTree() {
    var tutor = TutorFixture.tutor()
    tutor.width = 120
    let opened = render(tutor.accept("algorithm"), width: 120)
    #expect(opened.contains { $0.hasPrefix("├─ Liver failure?") })
    #expect(opened.allSatisfy { $0.count <= 120 })
    var last = Reply()
    for _ in 0..<20 where tutor.isWalking { last = tutor.accept("") }
    let end = render(last, width: 120)
    // The defaults: a single resectable metastasis decides at D6, marked on the path and
    // named by its question; the learner reads no rule code (issue 12).
    #expect(end.contains { $0.contains("▶") && $0.contains("All liver metastases resectable") })
    #expect(ClinicalWords.leakedIdentifiers(in: end.joined(separator: "\n")).isEmpty)
  }

  @Test("the tree falls back to ASCII when the locale cannot show box drawing")
  func ascii() {
    var tutor = TutorFixture.tutor()
    tutor.setPictures(color: false, environment: ["LANG": "C"], isTerminal: true)
    let opened = tutor.accept("algorithm").text
    #expect(opened.contains("|- Liver failure?"))
    #expect(!opened.contains("├"))
  }

  @Test("draw shows the path of the last case step's facts; before any, it says what it needs")
  func draw() {
    var tutor = CaseFixture.tutor()
    #expect(tutor.accept("draw").isError)
    _ = tutor.accept("case ileal-crr")
    _ = tutor.accept("a")
    let reply = tutor.accept("draw")
    #expect(reply.isLong)
    let drawn = reply.text
    // The first step's facts have no histology: biopsy first (D1), highlighted.
    #expect(drawn.contains("▶"))
    #expect(drawn.contains("Histology or grade unknown?"))
  }

  @Test(
    "progress charts fit 60 columns with colour, and are numbers without",
    arguments: [
      true, false,
    ])
  func progressCharts(color: Bool) {
    let answers = (0..<12).map {
      Answer(
        item: "grading/g1", response: ["b"], correct: $0 % 3 != 0,
        at: Self.now.addingTimeInterval(-Double($0) * 86_400), durationMs: 3_000, hintsUsed: 0)
    }
    var session = Session(learner: "ana", now: Self.now)
    for answer in answers.reversed() { session.record(answer) }
    var tutor = Tutor(
      course: TutorFixture.course, session: session, clock: { Self.now }, history: { _ in answers })
    tutor.width = 60
    tutor.setPictures(color: color, environment: ["LANG": "C.UTF-8"], isTerminal: true)
    let lines = render(tutor.accept("progress"), width: 60)
    #expect(lines.allSatisfy { $0.count <= 60 }, "\(lines.filter { $0.count > 60 })")
    let charts = lines.drop { !$0.hasPrefix("Answers per day") }.prefix { !$0.hasPrefix("Case") }
    #expect(charts.contains { $0.hasPrefix("Reviews due, next 14 days") })
    #expect(charts.joined().contains("█") == color)
  }
}
