import Cases
import Clinical
import Course
import Foundation
import Identifiers
import Testing

@testable import Tutor

/// No id a learner did not type reaches a case screen: every option, adjunct, step kind,
/// rule, what-if and fact of every authored case and of generated ones is shown in clinical
/// words (B2, B11).
@Suite("Case screens speak in clinical words")
struct ClinicalWordsTests {
  static let course: Course? = {
    let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons")
    return try? CourseLoader.load(from: lessons.path)
  }()

  /// Every authored case, and generated ones on every topic and on none.
  static var cases: [ClinicalCase] {
    let topics: [CaseTopic?] = [nil] + CaseTopic.allCases.map(Optional.some)
    let generated = (1...30).flatMap { seed in
      topics.map { CaseGenerator.generate(seed: UInt64(seed), topic: $0) }
    }
    return (course?.cases ?? []) + generated
  }

  /// The question and the feedback on each answer of every step, as the shell shows them.
  static func screens(of item: ClinicalCase) -> [(String, String)] {
    let renderer = TextRenderer(width: 100, color: false)
    return item.steps.flatMap { step -> [(String, String)] in
      guard let key = try? step.answerKey().get() else { return [] }
      let answers = key.choices.map { [$0.id] } + [[]]
      let shown = ShownChoices(
        key, several: step.kind.allowsSeveral, learner: "ana", item: item.itemID(of: step))
      return [("\(item.id) \(step.id)", renderer.render(CaseScreens.question(step, shown: shown)))]
        + answers.map { response in
          let verdict = CaseVerdict.grade(
            response, against: key, several: step.kind.allowsSeveral)
          let blocks = CaseScreens.feedback(
            step, key: key, shown: shown, verdict: verdict, response: response,
            source: item.source)
          return ("\(item.id) \(step.id) \(response)", renderer.render(blocks))
        }
    }
  }

  @Test("the course loads")
  func loads() {
    #expect(Self.course?.cases.isEmpty == false)
  }

  @Test("no case screen shows an engine id, a fact path or a rule code")
  func noIdentifiers() {
    var leaks: [String: Set<String>] = [:]
    for item in Self.cases {
      for (place, text) in Self.screens(of: item) {
        for leak in ClinicalWords.leakedIdentifiers(in: text) {
          leaks[leak, default: []].insert(place)
        }
      }
    }
    #expect(leaks.isEmpty, "\(leaks.mapValues { $0.sorted().prefix(3) })")
  }

  @Test(
    "the pattern finds each kind of id the learner trial met",
    arguments: [
      "What if: onSSA false?", "pathology.mitoses 8?", "dominant_with_satellites",
      "  • D7: cytoreduction", "Rule D6: curative", "adjunct perioperative_octreotide",
      "(its branches as under D5)", "N1, the alternatives: an SSA first",
    ])
  func patternFinds(text: String) {
    #expect(!ClinicalWords.leakedIdentifiers(in: text).isEmpty)
  }

  @Test("a branch code opening a trace line is dropped, and an abbreviated topic is written out")
  func learnerText() {
    #expect(ClinicalWords.learnerText("N1, the alternatives: SSA") == "the alternatives: SSA")
    #expect(ClinicalWords.learnerText("D2a: liver failure") == "liver failure")
    #expect(ClinicalWords.learnerText("N1 nodes, T2") == "N1 nodes, T2")
    #expect(ClinicalWords.stepKind("prrt") == "PRRT")
    #expect(ClinicalWords.stepKind("carcinoid-heart-disease") == "carcinoid heart disease")
  }

  @Test(
    "clinical prose is not taken for an id",
    arguments: [
      "N1 nodes, T2, G2; Ki-67 6 % (ENETS 2007)", "e.g. 5-HIAA", "Step 2/6 — stage IV",
    ])
  func proseIsNot(text: String) {
    #expect(ClinicalWords.leakedIdentifiers(in: text).isEmpty)
  }
}
