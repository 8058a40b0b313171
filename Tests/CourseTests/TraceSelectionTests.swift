import Clinical
import Testing

@testable import Course

/// The lines that explain a step are chosen by the rule and topic of each trace line, never by
/// its wording.
@Suite("Trace lines chosen by type")
struct TraceSelectionTests {
  /// Debulkable, a syndrome on an SSA, TACE barred, the primary in place: a decision with a
  /// rule line, a branch line, the TACE bar and five adjuncts.
  static let assessment = ClinicalEngine.assess(
    CaseFacts(
      age: 60, primary: .init(site: .ileum, sizeCm: 2, extent: .subserosa, status: .inSitu),
      nodes: .n1, pathology: .init(differentiation: .well, ki67: 8),
      liver: .init(
        pattern: .dominantWithSatellites, involvementPercent: 30, resectability: .debulkable),
      extrahepatic: .none, sstr: .positive, syndrome: true, progressive: false,
      fitForSurgery: true, stableMonths: 12, onSSA: true,
      contraindications: [.portalVeinThrombosis]))

  @Test(
    "each step kind explains its answer with the lines of its own rules",
    arguments: [
      (CaseStepKind.grade, [TraceRule.grade]),
      (.who2010, [.grade, .who2010]),
      (.t, [.tCategory]),
      (.stage, [.tCategory, .nCategory, .mCategory, .stage]),
      (.lmType, [.lmType]),
      (.transplantEligible, [.portalDrainage, .milan]),
      (.milanFailures, [.portalDrainage, .milan]),
      (.treatment, [.decision(.d7), .branch(.n3), .taceBar]),
      (.nextStep, [.decision(.d7), .branch(.n3), .taceBar]),
      (
        .adjuncts,
        [
          .adjunct(.ssa), .adjunct(.perioperativeOctreotide), .adjunct(.echocardiography),
          .adjunct(.primaryResection), .adjunct(.cholecystectomy),
        ]
      ),
    ] as [(CaseStepKind, [TraceRule])])
  func chosenRules(kind: CaseStepKind, rules: [TraceRule]) {
    #expect(Self.assessment.trace.filter(kind.explains).map(\.rule) == rules)
  }

  @Test(
    "rewording every line changes the words shown, not which lines",
    arguments: CaseStepKind.allCases)
  func reworded(kind: CaseStepKind) {
    var reworded = Self.assessment
    reworded.trace = Self.assessment.trace.enumerated().map { TraceLine($1.rule, "line \($0)") }
    let original = Self.assessment.trace.enumerated().filter { kind.explains($1) }.map(\.offset)
    #expect(kind.reasons(in: reworded) == original.map { "line \($0)" })
    #expect(kind.reasons(in: Self.assessment) == original.map { Self.assessment.trace[$0].text })
  }
}
