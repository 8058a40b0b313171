import Clinical
import Testing

struct AdjunctRow: Sendable, CustomTestStringConvertible {
  var name: String
  var changes: [Change]
  var best: ClinicalOption?
  var adjuncts: [Adjunct]

  var testDescription: String { name }
}

@Suite("Adjuncts 1–9")
struct AdjunctTests {
  static let rows: [AdjunctRow] = [
    // The baseline is SSTR positive: a resection brings a cholecystectomy.
    AdjunctRow(
      name: "D6 SSTR positive", changes: [], best: .resection, adjuncts: [.cholecystectomy]),
    AdjunctRow(
      name: "D6 SSTR negative, no syndrome: nothing", changes: [Edit.sstrNegative],
      best: .resection, adjuncts: []),
    AdjunctRow(
      name: "D6 with everything",
      changes: [Edit.syndrome, Edit.inSitu, Edit.ehdResectable, Edit.twoStage], best: .resection,
      adjuncts: [
        .ssa, .perioperativeOctreotide, .echocardiography, .primaryResection, .rehd, .twoStagePVE,
        .cholecystectomy,
      ]),
    // 1. SSA for the syndrome.
    AdjunctRow(
      name: "1 SSA: syndrome, best not SSA", changes: [Edit.syndrome, Edit.sstrNegative],
      best: .resection,
      adjuncts: [.ssa, .perioperativeOctreotide, .echocardiography, .cholecystectomy]),
    AdjunctRow(
      name: "1 SSA: syndrome, best is the SSA", changes: [Edit.unfit, Edit.syndrome], best: .ssa,
      adjuncts: [.echocardiography]),
    // 2. Perioperative octreotide.
    AdjunctRow(
      name: "2 octreotide: syndrome and TACE",
      changes: [Edit.unfit, Edit.syndrome, Edit.onSSA], best: .tace,
      adjuncts: [.ssa, .perioperativeOctreotide, .echocardiography]),
    AdjunctRow(
      name: "2 octreotide: syndrome and SIRT",
      changes: [Edit.unfit, Edit.syndrome, Edit.onSSA, Edit.sstrNegative, Edit.pvt], best: .sirt,
      adjuncts: [.ssa, .perioperativeOctreotide, .echocardiography]),
    AdjunctRow(
      name: "2 octreotide: syndrome and LT", changes: [Edit.unresectable, Edit.syndrome],
      best: .transplant,
      adjuncts: [.ssa, .perioperativeOctreotide, .echocardiography, .sstrImaging]),
    AdjunctRow(
      name: "2 no octreotide for PRRT", changes: [Edit.ehdUnresectable, Edit.syndrome, Edit.onSSA],
      best: .prrt, adjuncts: [.ssa, .echocardiography]),
    AdjunctRow(
      name: "2 no octreotide for a needle biopsy", changes: [Edit.undifferentiated, Edit.syndrome],
      best: .biopsy, adjuncts: [.ssa, .echocardiography]),
    // 3. Echocardiography for every carcinoid syndrome.
    AdjunctRow(
      name: "3 echo: syndrome with an unknown primary, staging",
      changes: [
        Edit.sstrUnknown, Edit.syndrome,
        Change("unknown primary") { $0.primary = .init(site: .unknown, status: .unknown) },
      ], best: .sstrImaging, adjuncts: [.ssa, .echocardiography]),
    AdjunctRow(
      name: "3 no echo for a pancreatic syndrome", changes: [Edit.pancreas, Edit.syndrome],
      best: .resection, adjuncts: [.ssa, .perioperativeOctreotide, .cholecystectomy]),
    AdjunctRow(
      name: "3 echo in liver failure", changes: [Edit.liverFailure, Edit.syndrome], best: .ssa,
      adjuncts: [.echocardiography]),
    AdjunctRow(
      name: "3 no echo without a syndrome", changes: [Edit.liverFailure], best: .supportiveCare,
      adjuncts: []),
    // 4. Resection of the primary.
    AdjunctRow(
      name: "4 primary with CRR", changes: [Edit.debulkable, Edit.inSitu], best: .cytoreduction,
      adjuncts: [.primaryResection, .cholecystectomy]),
    AdjunctRow(
      name: "4 D9, only remediable failures", changes: [Edit.unresectable, Edit.inSitu],
      best: .ssa, adjuncts: [.primaryResection, .cholecystectomy]),
    AdjunctRow(
      name: "4 D9, SSTR negative: primary without cholecystectomy",
      changes: [Edit.unresectable, Edit.inSitu, Edit.sstrNegative], best: .surveillance,
      adjuncts: [.primaryResection]),
    AdjunctRow(
      name: "4 not in D9 when age fails (relative)",
      changes: [Edit.unresectable, Edit.inSitu, Edit.old],
      best: .ssa, adjuncts: []),
    AdjunctRow(
      name: "4 not in D9 when an absolute criterion fails",
      changes: [Edit.unresectable, Edit.inSitu, Edit.bulky], best: .ssa, adjuncts: []),
    AdjunctRow(
      name: "4 not in D9 for a pancreatic primary",
      changes: [
        Edit.unresectable,
        Change("pancreas in situ") {
          $0.primary = .init(site: .pancreas, sizeCm: 3, extent: .confined, status: .inSitu)
        },
      ], best: .ssa, adjuncts: []),
    AdjunctRow(
      name: "4 not in D9 for a duodenal primary",
      changes: [
        Edit.unresectable,
        Change("duodenum in situ") { $0.primary = .init(site: .duodenum, status: .inSitu) },
      ], best: .ssa, adjuncts: []),
    AdjunctRow(
      name: "4 not under D5", changes: [Edit.unfit, Edit.inSitu], best: .ssa, adjuncts: []),
    AdjunctRow(
      name: "4 not when resected", changes: [Edit.debulkable], best: .cytoreduction,
      adjuncts: [.cholecystectomy]),
    // 5 and 6.
    AdjunctRow(
      name: "5 REHD with CRR", changes: [Edit.debulkable, Edit.ehdResectable, Edit.sstrNegative],
      best: .cytoreduction, adjuncts: [.rehd]),
    AdjunctRow(
      name: "5 no REHD when the liver is not operated on",
      changes: [Edit.unfit, Edit.ehdResectable, Edit.sstrNegative], best: .surveillance,
      adjuncts: []),
    AdjunctRow(
      name: "6 two-stage", changes: [Edit.twoStage, Edit.sstrNegative], best: .resection,
      adjuncts: [.twoStagePVE]),
    AdjunctRow(
      name: "6 two-stage resection of a NET G3",
      changes: [Edit.g3, Edit.twoStage, Edit.sstrNegative],
      best: .resection, adjuncts: [.twoStagePVE]),
    // 7. Cholecystectomy.
    AdjunctRow(
      name: "7 cholecystectomy with a syndrome, SSTR negative",
      changes: [Edit.debulkable, Edit.syndrome, Edit.sstrNegative], best: .cytoreduction,
      adjuncts: [.ssa, .perioperativeOctreotide, .echocardiography, .cholecystectomy]),
    AdjunctRow(
      name: "7 no cholecystectomy without an operation", changes: [Edit.ehdUnresectable],
      best: .ssa, adjuncts: []),
    // 8. Restaging before listing.
    AdjunctRow(
      name: "8 restaging before LT", changes: [Edit.unresectable], best: .transplant,
      adjuncts: [.sstrImaging]),
    AdjunctRow(
      name: "8 none when LT is only acceptable (D8/N)",
      changes: [Edit.unresectable, Edit.ki67(10)],
      best: .ssa, adjuncts: []),
    // 9. Antibiotic prophylaxis.
    AdjunctRow(
      name: "9 SIRT best after a bilioenteric anastomosis",
      changes: [Edit.unfit, Edit.progressive, Edit.sstrNegative, Edit.bilio], best: .sirt,
      adjuncts: [.antibioticProphylaxis]),
    AdjunctRow(
      name: "9 SIRT acceptable after a bilioenteric anastomosis",
      changes: [Edit.unfit, Edit.syndrome, Edit.onSSA, Edit.bilio], best: .prrt,
      adjuncts: [.ssa, .echocardiography, .antibioticProphylaxis]),
    AdjunctRow(
      name: "9 SIRT with PVT only: no prophylaxis",
      changes: [Edit.unfit, Edit.progressive, Edit.sstrNegative, Edit.pvt], best: .sirt,
      adjuncts: []),
    AdjunctRow(
      name: "9 bilioenteric anastomosis without SIRT", changes: [Edit.bilio, Edit.sstrNegative],
      best: .resection, adjuncts: []),
    AdjunctRow(
      name: "9 no SIRT above 70 %",
      changes: [Edit.unfit, Edit.syndrome, Edit.onSSA, Edit.bilio, Edit.involvement(71)],
      best: .prrt, adjuncts: [.ssa, .echocardiography]),
    // No best, no adjuncts.
    AdjunctRow(
      name: "no liver metastases", changes: [Change("no liver") { $0.liver = nil }, Edit.syndrome],
      best: nil, adjuncts: []),
  ]

  @Test("adjunct table", arguments: rows)
  func adjuncts(row: AdjunctRow) {
    let assessment = ClinicalEngine.assess(Fixtures.facts(row.changes))
    #expect(assessment.best == row.best, "\(row.name)")
    #expect(assessment.adjuncts == row.adjuncts, "\(row.name)")
  }

  @Test("one trace line per adjunct, typed by the adjunct")
  func trace() {
    let assessment = ClinicalEngine.assess(
      Fixtures.facts([Edit.syndrome, Edit.inSitu, Edit.ehdResectable, Edit.twoStage]))
    let rules = assessment.trace.filter { $0.topic == .adjuncts }.map(\.rule)
    #expect(rules == assessment.adjuncts.map { TraceRule.adjunct($0) })
    let prophylaxis = ClinicalEngine.assess(
      Fixtures.facts([Edit.unfit, Edit.progressive, Edit.sstrNegative, Edit.bilio]))
    let line = prophylaxis.trace.first { $0.rule == .adjunct(.antibioticProphylaxis) }
    #expect(line?.text.contains("2 of 15") == true)
  }

  @Test("ids and names", arguments: Adjunct.allCases)
  func names(adjunct: Adjunct) {
    #expect(!adjunct.name.isEmpty)
    #expect(Adjunct(rawValue: adjunct.id) == adjunct)
  }

  @Test("option ids and the review's words")
  func optionNames() {
    #expect(ClinicalOption.cytoreduction.name == "cytoreductive resection (CRR) ± RFA")
    #expect(ClinicalOption.chemoTem.name == "temozolomide- or 5-FU-based chemotherapy")
    #expect(
      ClinicalOption.allCases.map(\.id) == [
        "biopsy", "sstr_imaging", "resection", "cytoreduction", "transplant", "tace", "sirt",
        "prrt", "ssa", "chemo_stz", "chemo_platinum", "chemo_tem", "interferon", "surveillance",
        "supportive_care",
      ])
    #expect(
      Adjunct.allCases.map(\.id) == [
        "ssa", "perioperative_octreotide", "echocardiography", "primary_resection", "rehd",
        "two_stage_pve", "cholecystectomy", "sstr_imaging", "antibiotic_prophylaxis",
      ])
  }
}
