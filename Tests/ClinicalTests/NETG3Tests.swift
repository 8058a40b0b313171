import Clinical
import Testing

@Suite("D2b: the well-differentiated G3 tumour")
struct NETG3Tests {
  static let rows: [DecisionRow] = {
    let high = Edit.ki67(30)
    let noLT: [ClinicalOption] = [.transplant]
    return [
      DecisionRow(
        name: "Ki-67 20 % is G2: D6", changes: [Edit.ki67(20)], rule: "D6", best: .resection),
      DecisionRow(
        name: "Ki-67 20.1 %, completely resectable: resection", changes: [Edit.ki67(20.1)],
        rule: "D2b", best: .resection, acceptable: [.prrt, .chemoTem, .chemoPlatinum],
        contraindicated: noLT),
      DecisionRow(
        name: "Ki-67 55.1 %, completely resectable: still resection", changes: [Edit.ki67(55.1)],
        rule: "D2b", best: .resection, acceptable: [.prrt, .chemoTem, .chemoPlatinum],
        contraindicated: noLT),
      DecisionRow(
        name: "two-stage resectable: resection", changes: [high, Edit.twoStage], rule: "D2b",
        best: .resection, acceptable: [.prrt, .chemoTem, .chemoPlatinum], contraindicated: noLT),
      DecisionRow(
        name: "resectable EHD: resection", changes: [high, Edit.ehdResectable], rule: "D2b",
        best: .resection, acceptable: [.prrt, .chemoTem, .chemoPlatinum], contraindicated: noLT),
      DecisionRow(
        name: "unresectable EHD: PRRT", changes: [high, Edit.ehdUnresectable], rule: "D2b",
        best: .prrt, acceptable: [.chemoTem, .chemoPlatinum], contraindicated: noLT),
      DecisionRow(
        name: "unfit: PRRT", changes: [high, Edit.unfit], rule: "D2b", best: .prrt,
        acceptable: [.chemoTem, .chemoPlatinum], contraindicated: noLT),
      DecisionRow(
        name: "debulkable: PRRT", changes: [high, Edit.debulkable], rule: "D2b", best: .prrt,
        acceptable: [.chemoTem, .chemoPlatinum], contraindicated: noLT),
      DecisionRow(
        name: "unresectable, Ki-67 55 %: PRRT", changes: [Edit.ki67(55), Edit.unresectable],
        rule: "D2b", best: .prrt, acceptable: [.chemoTem, .chemoPlatinum], contraindicated: noLT),
      DecisionRow(
        name: "unresectable, Ki-67 55.1 %: platinum-etoposide",
        changes: [Edit.ki67(55.1), Edit.unresectable], rule: "D2b", best: .chemoPlatinum,
        acceptable: [.prrt, .chemoTem], contraindicated: noLT),
      DecisionRow(
        name: "unresectable, SSTR negative, ileum: temozolomide",
        changes: [high, Edit.unresectable, Edit.sstrNegative], rule: "D2b", best: .chemoTem,
        acceptable: [.chemoPlatinum], contraindicated: noLT),
      DecisionRow(
        name: "unresectable, SSTR negative, pancreas: streptozocin, then temozolomide",
        changes: [high, Edit.unresectable, Edit.sstrNegative, Edit.pancreas], rule: "D2b",
        best: .chemoStz, acceptable: [.chemoTem, .chemoPlatinum], contraindicated: noLT),
      DecisionRow(
        name: "unresectable, SSTR positive, pancreas",
        changes: [high, Edit.unresectable, Edit.pancreas], rule: "D2b", best: .prrt,
        acceptable: [.chemoStz, .chemoTem, .chemoPlatinum], contraindicated: noLT),
      DecisionRow(
        name: "G3 by mitoses alone, Ki-67 unknown: PRRT",
        changes: [
          Edit.mitosesOnly, Change("25 mitoses") { $0.pathology.mitoses = 25 }, Edit.unresectable,
        ],
        rule: "D2b", best: .prrt, acceptable: [.chemoTem, .chemoPlatinum], contraindicated: noLT),
      DecisionRow(
        name: "no TACE bar added", changes: [high, Edit.pvt, Edit.unresectable], rule: "D2b",
        best: .prrt, acceptable: [.chemoTem, .chemoPlatinum], contraindicated: noLT),
      DecisionRow(
        name: "D3 before D2b", changes: [high, Edit.ehdUnknown], rule: "D3", best: .sstrImaging),
      DecisionRow(
        name: "D2a before D2b", changes: [high, Edit.liverFailure, Edit.syndrome], rule: "D2a",
        best: .ssa, contraindicated: DecisionTests.liverFailureContraindicated),
    ]
  }()

  @Test("D2b table", arguments: rows)
  func decide(row: DecisionRow) {
    row.check()
  }

  @Test("the D2b trace explains WHO 2010, WHO 2017/2019, Raj 2017 and the board")
  func trace() {
    let assessment = ClinicalEngine.assess(Fixtures.facts([Edit.g3, Edit.unresectable]))
    let lines = assessment.trace.filter { $0.rule == .decision(.d2b) }.map(\.text)
    #expect(lines.count == 2)
    let text = lines.joined(separator: "\n")
    for phrase in [
      "Ki-67 25 %", "WHO 2010 calls this tumour NEC", "platinum-etoposide was the era's treatment",
      "WHO 2017/2019", "well-differentiated NET G3", "platinum-etoposide is not the standard",
      "10 % vs 37 %", "Raj N et al., Pancreas 2017", "multidisciplinary board",
    ] {
      #expect(text.contains(phrase), "\(phrase)")
    }
    let platinum = ClinicalEngine.assess(Fixtures.facts([Edit.ki67(60), Edit.unresectable]))
    #expect(platinum.trace.contains { $0.text.contains("Ki-67 60 % > 55 %") })
    let poor = ClinicalEngine.assess(Fixtures.facts([Edit.poor])).trace
    #expect(!poor.contains { $0.text.contains("WHO 2017/2019") })
  }
}
