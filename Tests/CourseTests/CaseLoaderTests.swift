import Clinical
import Foundation
import Identifiers
import Testing

@testable import Course

/// The valid case fixtures loaded: stage facts, "what if" facts and the engine's keys.
///
/// Every expected key is worked out by hand from ALGORITHM.md, noted beside its row.
@Suite("Loading cases")
struct CaseLoaderTests {
  /// A step and what the engine must answer on its facts.
  struct Row: CustomTestStringConvertible, Sendable {
    let caseID: CaseID
    let step: String
    let key: [String]
    let acceptable: [String]
    let rule: String?
    var testDescription: String { "\(caseID)/\(step)" }

    init(
      _ caseID: CaseID, _ step: String, _ key: [String], acceptable: [String] = [],
      rule: String?
    ) {
      self.caseID = caseID
      self.step = step
      self.key = key
      self.acceptable = acceptable
      self.rule = rule
    }
  }

  static let ileal: CaseID = "ileal-syndrome-debulking"
  static let pancreas: CaseID = "pancreas-progression"

  static let rows: [Row] = [
    // Differentiation unknown: D1, biopsy first.
    Row(ileal, "first-step", ["biopsy"], rule: "D1"),
    // After the update: Ki-67 4 → G2 beats mitoses 1 → G1.
    Row(ileal, "grade", ["G2"], rule: "D7"),
    // Debulkable: D7; its alternatives are N1's (a syndrome not yet on an SSA: the SSA alone,
    // as the disease is stable), and the SSA is not shown.
    Row(ileal, "best", ["cytoreduction"], rule: "D7"),
    Row(
      ileal, "extras",
      [
        "ssa", "perioperative_octreotide", "echocardiography", "primary_resection",
        "cholecystectomy",
      ],
      rule: "D7"),
    // Age 45, primary resected, 35 %, stable 8 months, no extrahepatic disease: eligible; an
    // ileal primary with Ki-67 4 %: D8.
    Row(ileal, "if-younger", ["yes"], rule: "D8"),
    // Pancreas, confined, 3 cm → T2; M1 → IV; Ki-67 12 → NET G2; single → I; complete → D6.
    Row(pancreas, "t", ["T2"], rule: "D6"),
    Row(pancreas, "stage", ["IV"], rule: "D6"),
    Row(pancreas, "who", ["NET G2"], rule: "D6"),
    Row(pancreas, "type", ["I"], rule: "D6"),
    Row(pancreas, "best", ["resection"], rule: "D6"),
    // A resection and SSTR positive: long-term SSA likely, so a cholecystectomy.
    Row(pancreas, "extras", ["cholecystectomy"], rule: "D6"),
    // The update makes the liver disseminated (60 %) and progressive (2 months stable); not
    // on an SSA and receptor-positive: N1, the SSA first; TACE (progressive) and PRRT (Ki-67
    // 12 % ≥ 10 %) acceptable among those shown.
    Row(pancreas, "type-now", ["III"], rule: "D9/N1"),
    Row(pancreas, "failures", ["involvement_over_50", "stable_under_6_months"], rule: "D9/N1"),
    Row(pancreas, "eligible", ["no"], rule: "D9/N1"),
    Row(pancreas, "best-now", ["ssa"], acceptable: ["tace", "prrt"], rule: "D9/N1"),
    // The anastomosis bars TACE; still N1, PRRT acceptable.
    Row(pancreas, "next", ["ssa"], acceptable: ["prrt"], rule: "D9/N1"),
    // Without liver metastases: M0, N0, T2 → IIa; outside the algorithm.
    Row(pancreas, "if-no-liver", ["IIa"], rule: nil),
    // Ki-67 25 → well-differentiated G3, staged: D2b; unresectable, SSTR positive → PRRT.
    Row(pancreas, "if-g3", ["prrt"], acceptable: ["chemo_platinum"], rule: "D2b"),
  ]

  static func course() throws -> Course {
    try CourseLoader.load(from: Fixtures.folder("cases-valid"))
  }

  static func step(_ caseID: CaseID, _ stepID: String) throws -> CaseStep {
    let found = try #require(try course().clinicalCase(id: caseID))
    return try #require(found.steps.first { $0.id == stepID })
  }

  @Test("every step's key is the engine's answer on the facts at that step", arguments: rows)
  func answerKeys(_ row: Row) throws {
    let key = try Self.step(row.caseID, row.step).answerKey().get()
    #expect(key.correct == row.key)
    #expect(key.acceptable == row.acceptable)
    #expect(key.assessment.rule == row.rule)
  }

  @Test("cases load sorted by id, with their titles, tags, stages and step kinds")
  func caseFields() throws {
    let course = try Self.course()
    #expect(course.lessons.isEmpty)
    #expect(course.cases.map(\.id) == [Self.ileal, Self.pancreas])
    let ileal = try #require(course.clinicalCase(id: Self.ileal))
    #expect(ileal.title == "Flushing, diarrhoea and a liver full of nodules")
    #expect(ileal.tags == ["treatment", "cytoreduction", "syndrome"])
    #expect(ileal.stages.map(\.title) == ["Presentation", "Pathology and staging"])
    #expect(ileal.stepKinds == ["next_step", "grade", "treatment", "adjuncts", "what_if"])
    #expect(ileal.file == Fixtures.folder("cases-valid") + "/cases/ileal-syndrome-debulking.yaml")
    let best = try Self.step(Self.ileal, "best")
    #expect(best.options == ["resection", "cytoreduction", "transplant", "tace", "prrt"])
    #expect(best.source == "Sarmiento JM et al., J Am Coll Surg 2003")
    #expect(best.points?.hasPrefix("Ninety per cent") == true)
    let pancreas = try #require(course.clinicalCase(id: Self.pancreas))
    #expect(
      pancreas.stages[0].text
        == "A pancreatic NET was removed last year. One liver metastasis is found.\n\n"
        + "Nothing else shows on 68Ga-DOTATOC PET/CT.")
  }

  @Test("each stage's facts carry every earlier update; lists and null replace")
  func stageFacts() throws {
    let stages = try #require(try Self.course().clinicalCase(id: Self.pancreas)).stages
    #expect(stages[0].facts.liver?.pattern == .single)
    #expect(stages[0].facts.contraindications == [])
    #expect(stages[1].facts.liver?.pattern == .disseminated)
    #expect(stages[1].facts.stableMonths == 2)
    #expect(stages[2].facts.liver?.involvementPercent == 60)
    #expect(stages[2].facts.progressive)
    #expect(stages[2].facts.contraindications == [.bilioentericAnastomosis])
    let noLiver = try Self.step(Self.pancreas, "if-no-liver")
    #expect(noLiver.facts.liver == nil)
    #expect(noLiver.whatIf == "no liver metastases")
  }

  @Test("a what-if step changes its own facts only, merging mappings key by key")
  func whatIfFacts() throws {
    let younger = try Self.step(Self.ileal, "if-younger")
    #expect(younger.kind == .transplantEligible)
    #expect(
      younger.whatIf == "age 45; the primary resected; nothing in the liver resectable")
    #expect(younger.facts.age == 45)
    #expect(
      younger.facts.primary
        == CaseFacts.Primary(site: .ileum, sizeCm: 1.5, extent: .subserosa, status: .resected))
    #expect(younger.facts.liver?.involvementPercent == 35)
    let g3 = try Self.step(Self.pancreas, "if-g3")
    #expect(g3.whatIf == "Ki-67 25 %")
    #expect(g3.facts.pathology == CaseFacts.Pathology(differentiation: .well, ki67: 25))
    // The step after a what-if sees the stage's facts again.
    #expect(g3.facts.liver?.pattern == .disseminated)
    #expect(try Self.step(Self.ileal, "best").whatIf == nil)
  }

  @Test("the facts printed as JSON read back to the same facts")
  func factsJSONRoundTrip() throws {
    for found in try Self.course().cases {
      for step in found.steps {
        let json = Data(step.facts.jsonValue.prettyPrinted().utf8)
        #expect(try CaseFactsParser.parse(json: json).get() == step.facts, "\(step.id)")
      }
    }
  }

  @Test("the linter counts cases; a course without a cases folder has none")
  func counts() throws {
    let folder = Fixtures.folder("cases-valid")
    let report = try CourseLinter.lint(directory: folder)
    #expect(report.summary == "\(folder): 0 lessons, 0 questions, 2 cases, no problems")
    #expect(report.files.count == 2)
    #expect(try CourseLoader.load(from: Fixtures.folder("valid")).cases == [])
  }

  @Test(
    "a change is described key by key, in clinical words (B2)",
    arguments: [
      ("{age: 45, liver: null}", "age 45; no liver metastases"),
      ("{syndrome: true, stableMonths: 2.5}", "a hormonal syndrome; stable for 2.5 months"),
      (
        "{primary: {sizeCm: 2.0, status: resected}}", "a primary of 2 cm; the primary resected"
      ),
      (
        "{contraindications: [liver_failure, portal_vein_thrombosis]}",
        "liver failure, portal vein thrombosis"
      ),
      ("{contraindications: []}", "no contraindication to liver-directed treatment"),
      ("{onSSA: false}", "no somatostatin analogue so far"),
      ("{pathology: {mitoses: 8}}", "8 mitoses per 10 HPF"),
      ("{progressive: true, stableMonths: 0}", "progressing; no stable period"),
    ])
  func changeDescription(change: String, expected: String) throws {
    let yaml = """
      id: inline
      title: Inline
      source: Frilling et al., HPB 2010
      facts:
        age: 50
        primary: {site: ileum, status: in_situ}
        nodes: N1
        pathology: {differentiation: well, ki67: 5}
        liver: {pattern: single, involvementPercent: 10, resectability: complete}
        extrahepatic: none
        sstr: positive
        syndrome: false
        progressive: false
        fitForSurgery: true
      stages:
        - title: Only
          text: Only.
          steps:
            - id: what-if
              kind: what_if
              change: \(change)
              ask: transplant_eligible
      """
    let decoded = CaseDecoder.decode(yaml: yaml, file: "inline.yaml")
    #expect(decoded.diagnostics == [])
    #expect(decoded.clinicalCase?.steps.first?.whatIf == expected)
  }
}
