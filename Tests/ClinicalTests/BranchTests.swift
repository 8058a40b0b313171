import Clinical
import Testing

@Suite("Branches N0–N3 and S0–S4")
struct BranchTests {
  /// N under D5 (unfit for surgery); the contraindications of D5 are fixed.
  static let nRows: [DecisionRow] = {
    let d5: [ClinicalOption] = [.resection, .cytoreduction, .transplant]
    let unfit = Edit.unfit
    return [
      DecisionRow(
        name: "N0 SSTR positive", changes: [unfit], rule: "D5/N0", best: .ssa,
        acceptable: [.surveillance], contraindicated: d5),
      DecisionRow(
        name: "N0 SSTR negative", changes: [unfit, Edit.sstrNegative], rule: "D5/N0",
        best: .surveillance, contraindicated: d5),
      DecisionRow(
        name: "N0 on an SSA: still watchful", changes: [unfit, Edit.onSSA], rule: "D5/N0",
        best: .ssa, acceptable: [.surveillance], contraindicated: d5),
      DecisionRow(
        name: "N0 is not barred by TACE bars", changes: [unfit, Edit.pvt], rule: "D5/N0",
        best: .ssa, acceptable: [.surveillance], contraindicated: d5 + [.tace]),
      // N1: SSA first.
      DecisionRow(
        name: "N1 syndrome, not progressive: SSA alone", changes: [unfit, Edit.syndrome],
        rule: "D5/N1", best: .ssa, contraindicated: d5),
      DecisionRow(
        name: "N1 syndrome, SSTR negative", changes: [unfit, Edit.syndrome, Edit.sstrNegative],
        rule: "D5/N1", best: .ssa, contraindicated: d5),
      DecisionRow(
        name: "N1 progressive, Ki-67 5 %: TACE, no PRRT before an SSA",
        changes: [unfit, Edit.progressive], rule: "D5/N1", best: .ssa, acceptable: [.tace],
        contraindicated: d5),
      DecisionRow(
        name: "N1 progressive, Ki-67 9.9 %", changes: [unfit, Edit.progressive, Edit.ki67(9.9)],
        rule: "D5/N1", best: .ssa, acceptable: [.tace], contraindicated: d5),
      DecisionRow(
        name: "N1 progressive, Ki-67 10 %: PRRT before an SSA",
        changes: [unfit, Edit.progressive, Edit.ki67(10)], rule: "D5/N1", best: .ssa,
        acceptable: [.tace, .prrt], contraindicated: d5),
      DecisionRow(
        name: "N1 progressive, Ki-67 unknown: no PRRT before an SSA",
        changes: [unfit, Edit.progressive, Edit.mitosesOnly], rule: "D5/N1", best: .ssa,
        acceptable: [.tace], contraindicated: d5),
      DecisionRow(
        name: "N1 syndrome, progressive, TACE barred, Ki-67 12 %",
        changes: [unfit, Edit.syndrome, Edit.progressive, Edit.pvt, Edit.ki67(12)],
        rule: "D5/N1", best: .ssa, acceptable: [.prrt], contraindicated: d5 + [.tace]),
      DecisionRow(
        name: "N1 progressive pancreas: streptozocin and temozolomide",
        changes: [unfit, Edit.progressive, Edit.pancreas], rule: "D5/N1", best: .ssa,
        acceptable: [.tace, .chemoStz, .chemoTem], contraindicated: d5),
      DecisionRow(
        name: "N1 syndrome, progressive, SSTR negative, Ki-67 15 %",
        changes: [unfit, Edit.syndrome, Edit.progressive, Edit.sstrNegative, Edit.ki67(15)],
        rule: "D5/N1", best: .ssa, acceptable: [.tace], contraindicated: d5),
      DecisionRow(
        name: "N1 syndrome, progressive, SSTR negative, Ki-67 15.1 %: temozolomide fits",
        changes: [unfit, Edit.syndrome, Edit.progressive, Edit.sstrNegative, Edit.ki67(15.1)],
        rule: "D5/N1", best: .ssa, acceptable: [.tace, .chemoTem], contraindicated: d5),
      DecisionRow(
        name: "N1 not onSSA explicitly false",
        changes: [unfit, Edit.syndrome, Change("onSSA false") { $0.onSSA = false }],
        rule: "D5/N1", best: .ssa, contraindicated: d5),
      // N2: TACE.
      DecisionRow(
        name: "N2 syndrome persists on an SSA", changes: [unfit, Edit.syndrome, Edit.onSSA],
        rule: "D5/N2", best: .tace, acceptable: [.sirt, .prrt], contraindicated: d5),
      DecisionRow(
        name: "N2 at 50 % replaced",
        changes: [unfit, Edit.syndrome, Edit.onSSA, Edit.involvement(50)],
        rule: "D5/N2", best: .tace, acceptable: [.sirt, .prrt], contraindicated: d5),
      DecisionRow(
        name: "N2 receptor-negative progression, not on an SSA, Ki-67 5 %",
        changes: [unfit, Edit.progressive, Edit.sstrNegative], rule: "D5/N2", best: .tace,
        acceptable: [.sirt], contraindicated: d5),
      DecisionRow(
        name: "N2 receptor-negative progression, Ki-67 16 %: temozolomide fits",
        changes: [unfit, Edit.progressive, Edit.sstrNegative, Edit.ki67(16)], rule: "D5/N2",
        best: .tace, acceptable: [.sirt, .chemoTem], contraindicated: d5),
      DecisionRow(
        name: "N2 progressive pancreas, SSTR negative",
        changes: [unfit, Edit.progressive, Edit.sstrNegative, Edit.pancreas], rule: "D5/N2",
        best: .tace, acceptable: [.sirt, .chemoStz, .chemoTem], contraindicated: d5),
      // N3: TACE barred or over 50 % replaced.
      DecisionRow(
        name: "N3 at 51 % replaced, SSTR positive",
        changes: [unfit, Edit.syndrome, Edit.onSSA, Edit.involvement(51)], rule: "D5/N3",
        best: .prrt, acceptable: [.sirt, .tace], contraindicated: d5),
      DecisionRow(
        name: "N3 at 70 %: SIRT and TACE still offered",
        changes: [unfit, Edit.syndrome, Edit.onSSA, Edit.involvement(70)], rule: "D5/N3",
        best: .prrt, acceptable: [.sirt, .tace], contraindicated: d5),
      DecisionRow(
        name: "N3 at 71 %: no liver-directed option",
        changes: [unfit, Edit.syndrome, Edit.onSSA, Edit.involvement(71)], rule: "D5/N3",
        best: .prrt, contraindicated: d5),
      DecisionRow(
        name: "N3 TACE barred at 30 %", changes: [unfit, Edit.syndrome, Edit.onSSA, Edit.bilio],
        rule: "D5/N3", best: .prrt, acceptable: [.sirt], contraindicated: d5 + [.tace]),
      DecisionRow(
        name: "N3 pancreas, SSTR negative, 60 %: streptozocin, then temozolomide",
        changes: [unfit, Edit.progressive, Edit.sstrNegative, Edit.pancreas, Edit.involvement(60)],
        rule: "D5/N3", best: .chemoStz, acceptable: [.chemoTem, .sirt, .tace],
        contraindicated: d5),
      DecisionRow(
        name: "N3 SSTR negative, Ki-67 15.1 %, 60 %: temozolomide",
        changes: [
          unfit, Edit.progressive, Edit.sstrNegative, Edit.ki67(15.1), Edit.involvement(60),
        ],
        rule: "D5/N3", best: .chemoTem, acceptable: [.sirt, .tace], contraindicated: d5),
      DecisionRow(
        name: "N3 SSTR negative, Ki-67 15 %, 60 %: SIRT",
        changes: [unfit, Edit.progressive, Edit.sstrNegative, Edit.ki67(15), Edit.involvement(60)],
        rule: "D5/N3", best: .sirt, acceptable: [.tace], contraindicated: d5),
      DecisionRow(
        name: "N3 SSTR negative, Ki-67 5 %, 71 %: interferon, temozolomide acceptable",
        changes: [unfit, Edit.progressive, Edit.sstrNegative, Edit.involvement(71)],
        rule: "D5/N3", best: .interferon, acceptable: [.chemoTem], contraindicated: d5),
      DecisionRow(
        name: "N3 SSTR negative, Ki-67 unknown, 71 %",
        changes: [
          unfit, Edit.progressive, Edit.sstrNegative, Edit.mitosesOnly, Edit.involvement(71),
        ],
        rule: "D5/N3", best: .interferon, acceptable: [.chemoTem], contraindicated: d5),
      DecisionRow(
        name: "N3 SSTR negative, Ki-67 15.1 %, 71 %: temozolomide alone",
        changes: [
          unfit, Edit.progressive, Edit.sstrNegative, Edit.ki67(15.1), Edit.involvement(71),
        ],
        rule: "D5/N3", best: .chemoTem, contraindicated: d5),
      DecisionRow(
        name: "N3 SSTR negative, TACE barred, 30 %: SIRT",
        changes: [unfit, Edit.progressive, Edit.sstrNegative, Edit.pvt], rule: "D5/N3",
        best: .sirt, contraindicated: d5 + [.tace]),
    ]
  }()

  @Test("N: liver-directed or watchful", arguments: nRows)
  func liverDirected(row: DecisionRow) {
    row.check()
  }

  /// S under D4 (unresectable extrahepatic disease).
  static let sRows: [DecisionRow] = {
    let d4: [ClinicalOption] = [.resection, .transplant]
    let base = [Edit.ehdUnresectable]
    return [
      DecisionRow(
        name: "S0 SSTR positive", changes: base, rule: "D4/S0", best: .ssa,
        acceptable: [.surveillance], contraindicated: d4),
      DecisionRow(
        name: "S0 SSTR negative", changes: base + [Edit.sstrNegative], rule: "D4/S0",
        best: .surveillance, contraindicated: d4),
      DecisionRow(
        name: "S1 syndrome, not on an SSA", changes: base + [Edit.syndrome], rule: "D4/S1",
        best: .ssa, contraindicated: d4),
      DecisionRow(
        name: "S1 progressive SSTR positive, Ki-67 5 %", changes: base + [Edit.progressive],
        rule: "D4/S1", best: .ssa, contraindicated: d4),
      DecisionRow(
        name: "S1 progressive SSTR positive, Ki-67 10 %: PRRT before an SSA",
        changes: base + [Edit.progressive, Edit.ki67(10)], rule: "D4/S1", best: .ssa,
        acceptable: [.prrt], contraindicated: d4),
      DecisionRow(
        name: "S1 progressive pancreas", changes: base + [Edit.progressive, Edit.pancreas],
        rule: "D4/S1", best: .ssa, acceptable: [.chemoStz, .chemoTem], contraindicated: d4),
      DecisionRow(
        name: "S1 syndrome, SSTR negative, progressive, Ki-67 16 %",
        changes: base + [Edit.syndrome, Edit.sstrNegative, Edit.progressive, Edit.ki67(16)],
        rule: "D4/S1", best: .ssa, acceptable: [.chemoTem], contraindicated: d4),
      DecisionRow(
        name: "S2 progression on an SSA", changes: base + [Edit.progressive, Edit.onSSA],
        rule: "D4/S2", best: .prrt, contraindicated: d4),
      DecisionRow(
        name: "S2 progression on an SSA, pancreas",
        changes: base + [Edit.progressive, Edit.onSSA, Edit.pancreas], rule: "D4/S2",
        best: .prrt, acceptable: [.chemoStz, .chemoTem], contraindicated: d4),
      DecisionRow(
        name: "S2 refractory syndrome, not progressive",
        changes: base + [Edit.syndrome, Edit.onSSA], rule: "D4/S2", best: .prrt,
        acceptable: [.interferon, .tace, .sirt], contraindicated: d4),
      DecisionRow(
        name: "S2 refractory syndrome, progressive",
        changes: base + [Edit.syndrome, Edit.onSSA, Edit.progressive], rule: "D4/S2",
        best: .prrt, acceptable: [.tace, .sirt], contraindicated: d4),
      DecisionRow(
        name: "S2 refractory syndrome, TACE barred",
        changes: base + [Edit.syndrome, Edit.onSSA, Edit.pvt], rule: "D4/S2", best: .prrt,
        acceptable: [.interferon, .sirt], contraindicated: d4 + [.tace]),
      DecisionRow(
        name: "S3 progressive pancreas, SSTR negative",
        changes: base + [Edit.progressive, Edit.sstrNegative, Edit.pancreas], rule: "D4/S3",
        best: .chemoStz, acceptable: [.chemoTem], contraindicated: d4),
      DecisionRow(
        name: "S3 refractory syndrome, pancreas, SSTR negative",
        changes: base + [Edit.syndrome, Edit.onSSA, Edit.sstrNegative, Edit.pancreas],
        rule: "D4/S3", best: .chemoStz, acceptable: [.chemoTem, .tace, .sirt],
        contraindicated: d4),
      DecisionRow(
        name: "S4 Ki-67 15 %: interferon",
        changes: base + [Edit.progressive, Edit.sstrNegative, Edit.ki67(15)], rule: "D4/S4",
        best: .interferon, acceptable: [.chemoTem], contraindicated: d4),
      DecisionRow(
        name: "S4 Ki-67 15.1 %: temozolomide",
        changes: base + [Edit.progressive, Edit.sstrNegative, Edit.ki67(15.1)], rule: "D4/S4",
        best: .chemoTem, acceptable: [.interferon], contraindicated: d4),
      DecisionRow(
        name: "S4 Ki-67 unknown: interferon",
        changes: base + [Edit.progressive, Edit.sstrNegative, Edit.mitosesOnly], rule: "D4/S4",
        best: .interferon, acceptable: [.chemoTem], contraindicated: d4),
      DecisionRow(
        name: "S4 refractory syndrome, TACE barred",
        changes: base + [Edit.syndrome, Edit.onSSA, Edit.sstrNegative, Edit.bilio],
        rule: "D4/S4", best: .interferon, acceptable: [.chemoTem, .sirt],
        contraindicated: d4 + [.tace]),
      DecisionRow(
        name: "S1 syndrome not on an SSA, SSTR negative: no refractory options",
        changes: base + [Edit.progressive, Edit.sstrNegative, Edit.syndrome], rule: "D4/S1",
        best: .ssa, contraindicated: d4),
    ]
  }()

  @Test("S: systemic first", arguments: sRows)
  func systemic(row: DecisionRow) {
    row.check()
  }

  @Test(
    "D9 and D8/N use N with its branch in the rule",
    arguments: [
      ([Change("watchful") { _ in }], "N0"), ([Edit.syndrome], "N1"),
      ([Edit.syndrome, Edit.onSSA], "N2"), ([Edit.syndrome, Edit.onSSA, Edit.pvt], "N3"),
    ])
  func unresectableBranches(changes: [Change], branch: String) {
    let d9 = Fixtures.facts([Edit.unresectable, Edit.old] + changes)
    #expect(ClinicalEngine.assess(d9).rule == "D9/\(branch)")
    let d8 = Fixtures.facts([Edit.unresectable, Edit.pancreas] + changes)
    let assessment = ClinicalEngine.assess(d8)
    #expect(assessment.rule == "D8/\(branch)")
    #expect(assessment.acceptable.last == .transplant)
    #expect(assessment.best != .transplant)
  }

  /// The optional fact read through the parser: missing, false and true.
  @Test(
    "onSSA missing, false and true",
    arguments: [
      (nil, "D5/N1", ClinicalOption.ssa), (false, "D5/N1", .ssa), (true, "D5/N2", .tace),
    ] as [(Bool?, String, ClinicalOption)])
  func onSSA(value: Bool?, rule: String, best: ClinicalOption) throws {
    var document = Fixtures.document()
    document["fitForSurgery"] = false
    document["syndrome"] = true
    document["onSSA"] = value
    let facts = try CaseFactsParser.parse(object: document).get()
    #expect(facts.onSSA == (value ?? false))
    let assessment = ClinicalEngine.assess(facts)
    #expect(assessment.rule == rule)
    #expect(assessment.best == best)
  }
}
