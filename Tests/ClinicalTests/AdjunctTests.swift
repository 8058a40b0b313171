import Clinical
import Testing

struct AdjunctRow: Sendable, CustomTestStringConvertible {
  var name: String
  var changes: [Change]
  var best: ClinicalOption?
  var adjuncts: [Adjunct]

  var testDescription: String { name }
}

@Suite("Adjuncts")
struct AdjunctTests {
  static let rows: [AdjunctRow] = [
    AdjunctRow(name: "D6 plain", changes: [], best: .resection, adjuncts: []),
    AdjunctRow(
      name: "D6 with everything",
      changes: [Edit.syndrome, Edit.inSitu, Edit.ehdResectable, Edit.twoStage], best: .resection,
      adjuncts: [
        .ssa, .perioperativeOctreotide, .echocardiography, .primaryResection, .rehd, .twoStagePVE,
        .cholecystectomy,
      ]),
    AdjunctRow(
      name: "D6 in situ", changes: [Edit.inSitu], best: .resection,
      adjuncts: [.primaryResection]),
    AdjunctRow(
      name: "D6 EHD resectable", changes: [Edit.ehdResectable], best: .resection,
      adjuncts: [.rehd]),
    AdjunctRow(
      name: "D6 two-stage", changes: [Edit.twoStage], best: .resection,
      adjuncts: [.twoStagePVE]),
    AdjunctRow(
      name: "D6 syndrome", changes: [Edit.syndrome], best: .resection,
      adjuncts: [.ssa, .perioperativeOctreotide, .echocardiography, .cholecystectomy]),
    AdjunctRow(
      name: "D7, the contract's example", changes: [Edit.debulkable, Edit.syndrome, Edit.inSitu],
      best: .cytoreduction,
      adjuncts: [
        .ssa, .perioperativeOctreotide, .echocardiography, .primaryResection,
        .cholecystectomy,
      ]),
    AdjunctRow(
      name: "D7 EHD resectable", changes: [Edit.debulkable, Edit.ehdResectable],
      best: .cytoreduction, adjuncts: [.rehd]),
    AdjunctRow(
      name: "D8", changes: [Edit.unresectable], best: .transplant,
      adjuncts: [.sstrImaging]),
    AdjunctRow(
      name: "D8 syndrome", changes: [Edit.unresectable, Edit.syndrome], best: .transplant,
      adjuncts: [.ssa, .perioperativeOctreotide, .echocardiography, .sstrImaging]),
    AdjunctRow(
      name: "D9 remediable only, in situ", changes: [Edit.unresectable, Edit.inSitu], best: .ssa,
      adjuncts: [.primaryResection]),
    AdjunctRow(
      name: "D9 relative and remediable, in situ, syndrome",
      changes: [Edit.unresectable, Edit.inSitu, Edit.old, Edit.syndrome], best: .tace,
      adjuncts: [.ssa, .perioperativeOctreotide, .primaryResection]),
    AdjunctRow(
      name: "D9 absolute failure, in situ", changes: [Edit.unresectable, Edit.inSitu, Edit.bulky],
      best: .ssa, adjuncts: []),
    AdjunctRow(
      name: "D5 in situ: no primary resection", changes: [Edit.unfit, Edit.inSitu], best: .ssa,
      adjuncts: []),
    AdjunctRow(
      name: "D5/N2 syndrome", changes: [Edit.unfit, Edit.syndrome, Edit.pvt], best: .sirt,
      adjuncts: [.ssa, .perioperativeOctreotide]),
    AdjunctRow(
      name: "D4/S1 PRRT syndrome",
      changes: [Edit.ehdUnresectable, Edit.syndrome, Edit.progressive],
      best: .prrt, adjuncts: [.ssa, .perioperativeOctreotide]),
    AdjunctRow(
      name: "D4/S1 SSA syndrome", changes: [Edit.ehdUnresectable, Edit.syndrome], best: .ssa,
      adjuncts: []),
    AdjunctRow(
      name: "D4/S3 interferon syndrome",
      changes: [Edit.ehdUnresectable, Edit.syndrome, Edit.sstrNegative], best: .interferon,
      adjuncts: [.ssa]),
    AdjunctRow(
      name: "D1 biopsy syndrome", changes: [Edit.undifferentiated, Edit.syndrome], best: .biopsy,
      adjuncts: [.ssa, .perioperativeOctreotide]),
    AdjunctRow(
      name: "D2 syndrome", changes: [Edit.poor, Edit.syndrome], best: .chemoPlatinum,
      adjuncts: [.ssa]),
    AdjunctRow(
      name: "D2a syndrome", changes: [Edit.liverFailure, Edit.syndrome], best: .ssa,
      adjuncts: []),
    AdjunctRow(
      name: "D2a supportive care, syndrome impossible without SSA",
      changes: [Edit.liverFailure, Edit.sstrNegative], best: .supportiveCare, adjuncts: []),
    AdjunctRow(
      name: "D3 syndrome", changes: [Edit.sstrUnknown, Edit.syndrome], best: .sstrImaging,
      adjuncts: [.ssa]),
    AdjunctRow(
      name: "no liver metastases", changes: [Change("no liver") { $0.liver = nil }, Edit.syndrome],
      best: nil, adjuncts: []),
  ]

  @Test("adjunct table", arguments: rows)
  func adjuncts(row: AdjunctRow) {
    let assessment = ClinicalEngine.assess(Fixtures.facts(row.changes))
    #expect(assessment.best == row.best)
    #expect(assessment.adjuncts == row.adjuncts)
  }

  @Test("ids and names", arguments: Adjunct.allCases)
  func names(adjunct: Adjunct) {
    #expect(!adjunct.name.isEmpty)
    #expect(Adjunct(rawValue: adjunct.id) == adjunct)
  }

  @Test("option ids and the review's words")
  func optionNames() {
    #expect(ClinicalOption.cytoreduction.name == "cytoreductive resection (CRR) ± RFA")
    #expect(
      ClinicalOption.allCases.map(\.id) == [
        "biopsy", "sstr_imaging", "resection", "cytoreduction", "transplant", "tace", "sirt",
        "prrt", "ssa", "chemo_stz", "chemo_platinum", "interferon", "surveillance",
        "supportive_care",
      ])
    #expect(
      Adjunct.allCases.map(\.id) == [
        "ssa", "perioperative_octreotide", "echocardiography", "primary_resection", "rehd",
        "two_stage_pve", "cholecystectomy", "sstr_imaging",
      ])
  }
}
