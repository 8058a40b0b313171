import Clinical
import Testing

@Suite("Branches N and S")
struct BranchTests {
  /// N under D5 (unfit for surgery); the contraindications of D5 are fixed.
  static let nRows: [DecisionRow] = {
    let d5: [ClinicalOption] = [.resection, .cytoreduction, .transplant]
    return [
      DecisionRow(
        name: "N0 SSTR positive", changes: [Edit.unfit], rule: "D5/N0", best: .ssa,
        acceptable: [.surveillance], contraindicated: d5),
      DecisionRow(
        name: "N0 SSTR negative", changes: [Edit.unfit, Edit.sstrNegative], rule: "D5/N0",
        best: .surveillance, contraindicated: d5),
      DecisionRow(
        name: "N1 progressive, SSTR positive", changes: [Edit.unfit, Edit.progressive],
        rule: "D5/N1", best: .tace, acceptable: [.sirt, .prrt, .ssa], contraindicated: d5),
      DecisionRow(
        name: "N1 progressive, SSTR negative",
        changes: [Edit.unfit, Edit.progressive, Edit.sstrNegative], rule: "D5/N1", best: .tace,
        acceptable: [.sirt], contraindicated: d5),
      DecisionRow(
        name: "N1 syndrome, SSTR positive", changes: [Edit.unfit, Edit.syndrome], rule: "D5/N1",
        best: .tace, acceptable: [.sirt, .prrt, .ssa], contraindicated: d5),
      DecisionRow(
        name: "N1 syndrome, SSTR negative",
        changes: [Edit.unfit, Edit.syndrome, Edit.sstrNegative],
        rule: "D5/N1", best: .tace, acceptable: [.sirt], contraindicated: d5),
      DecisionRow(
        name: "N2 progressive, SSTR positive", changes: [Edit.unfit, Edit.progressive, Edit.pvt],
        rule: "D5/N2", best: .sirt, acceptable: [.prrt, .ssa], contraindicated: d5 + [.tace]),
      DecisionRow(
        name: "N2 progressive, SSTR negative",
        changes: [Edit.unfit, Edit.progressive, Edit.pvt, Edit.sstrNegative], rule: "D5/N2",
        best: .sirt, contraindicated: d5 + [.tace]),
      DecisionRow(
        name: "N2 syndrome, SSTR negative",
        changes: [Edit.unfit, Edit.syndrome, Edit.bilio, Edit.sstrNegative], rule: "D5/N2",
        best: .sirt, contraindicated: d5 + [.tace]),
      DecisionRow(
        name: "N0 is not barred by TACE bars", changes: [Edit.unfit, Edit.pvt], rule: "D5/N0",
        best: .ssa, acceptable: [.surveillance], contraindicated: d5 + [.tace]),
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
        name: "S1 progressive", changes: base + [Edit.progressive], rule: "D4/S1", best: .prrt,
        acceptable: [.ssa], contraindicated: d4),
      DecisionRow(
        name: "S1 syndrome, not progressive", changes: base + [Edit.syndrome], rule: "D4/S1",
        best: .ssa, acceptable: [.prrt, .tace, .sirt], contraindicated: d4),
      DecisionRow(
        name: "S1 progressive with syndrome", changes: base + [Edit.progressive, Edit.syndrome],
        rule: "D4/S1", best: .prrt, acceptable: [.ssa, .tace, .sirt], contraindicated: d4),
      DecisionRow(
        name: "S1 progressive with syndrome, TACE barred",
        changes: base + [Edit.progressive, Edit.syndrome, Edit.pvt], rule: "D4/S1", best: .prrt,
        acceptable: [.ssa, .sirt], contraindicated: d4 + [.tace]),
      DecisionRow(
        name: "S2 progressive pancreas",
        changes: base + [
          Edit.progressive, Edit.sstrNegative,
          Edit.pancreas,
        ], rule: "D4/S2", best: .chemoStz, contraindicated: d4),
      DecisionRow(
        name: "S2 syndrome pancreas",
        changes: base + [Edit.syndrome, Edit.sstrNegative, Edit.pancreas], rule: "D4/S2",
        best: .chemoStz, acceptable: [.tace, .sirt], contraindicated: d4),
      DecisionRow(
        name: "S3 progressive ileum", changes: base + [Edit.progressive, Edit.sstrNegative],
        rule: "D4/S3", best: .interferon, contraindicated: d4),
      DecisionRow(
        name: "S3 syndrome ileum, TACE barred",
        changes: base + [Edit.syndrome, Edit.sstrNegative, Edit.bilio], rule: "D4/S3",
        best: .interferon, acceptable: [.sirt], contraindicated: d4 + [.tace]),
      DecisionRow(
        name: "S3 syndrome and progressive",
        changes: base + [Edit.syndrome, Edit.progressive, Edit.sstrNegative], rule: "D4/S3",
        best: .interferon, acceptable: [.tace, .sirt], contraindicated: d4),
    ]
  }()

  @Test("S: systemic first", arguments: sRows)
  func systemic(row: DecisionRow) {
    row.check()
  }

  @Test(
    "D9 uses N with its branch in the rule",
    arguments: [
      (Change("watchful") { _ in }, "D9/N0"), (Edit.progressive, "D9/N1"), (Edit.syndrome, "D9/N1"),
    ])
  func d9Branches(change: Change, rule: String) {
    let facts = Fixtures.facts([Edit.unresectable, Edit.old, change])
    #expect(ClinicalEngine.assess(facts).rule == rule)
    let barred = Fixtures.facts([Edit.unresectable, Edit.old, change, Edit.pvt])
    #expect(ClinicalEngine.assess(barred).rule == (rule == "D9/N0" ? "D9/N0" : "D9/N2"))
  }
}
