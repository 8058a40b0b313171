import Clinical
import Testing

/// One row of a decision table: a case and what the contract says the engine decides.
struct DecisionRow: Sendable, CustomTestStringConvertible {
  var name: String
  var changes: [Change]
  var rule: String?
  var best: ClinicalOption?
  var acceptable: [ClinicalOption] = []
  var contraindicated: [ClinicalOption] = []

  var testDescription: String { name }

  func check() {
    let assessment = ClinicalEngine.assess(Fixtures.facts(changes))
    #expect(assessment.rule == rule, "\(name)")
    #expect(assessment.best == best, "\(name)")
    #expect(assessment.acceptable == acceptable, "\(name)")
    #expect(assessment.contraindicated == contraindicated, "\(name)")
  }
}

extension CaseFacts {
  /// Adds a contraindication once, as the parser requires.
  mutating func add(_ contraindication: Contraindication) {
    if !contraindications.contains(contraindication) { contraindications.append(contraindication) }
  }
}

enum Edit {
  static let poor = Change("poorly differentiated") { $0.pathology.differentiation = .poor }
  static let g3 = Change("Ki-67 25 %") { $0.pathology.ki67 = 25 }
  static let noGrade = Change("no grade") { $0.pathology = .init(differentiation: .well) }
  static let undifferentiated = Change("differentiation unknown") {
    $0.pathology.differentiation = .unknown
  }
  static let liverFailure = Change("liver failure") { $0.add(.liverFailure) }
  static let pvt = Change("PVT") { $0.add(.portalVeinThrombosis) }
  static let bilio = Change("bilioenteric") { $0.add(.bilioentericAnastomosis) }
  static let ehdUnknown = Change("EHD unknown") { $0.extrahepatic = .unknown }
  static let ehdUnresectable = Change("EHD unresectable") { $0.extrahepatic = .unresectable }
  static let ehdResectable = Change("EHD resectable") { $0.extrahepatic = .resectable }
  static let sstrUnknown = Change("SSTR unknown") { $0.sstr = .unknown }
  static let sstrNegative = Change("SSTR negative") { $0.sstr = .negative }
  static let unfit = Change("unfit") { $0.fitForSurgery = false }
  static let twoStage = Change("two-stage") { $0.liver?.resectability = .twoStage }
  static let debulkable = Change("debulkable") { $0.liver?.resectability = .debulkable }
  static let unresectable = Change("unresectable") { $0.liver?.resectability = .none }
  static let progressive = Change("progressive") {
    $0.progressive = true
    $0.stableMonths = nil
  }
  static let syndrome = Change("syndrome") { $0.syndrome = true }
  static let inSitu = Change("primary in situ") { $0.primary.status = .inSitu }
  static let old = Change("age 60") { $0.age = 60 }
  static let bulky = Change("involvement 60 %") { $0.liver?.involvementPercent = 60 }
  static let pancreas = Change("pancreas") {
    $0.primary = .init(site: .pancreas, sizeCm: 3, extent: .confined, status: .resected)
  }
}

@Suite("Decision rules D1–D9")
struct DecisionTests {
  static let liverFailureContraindicated: [ClinicalOption] = [
    .resection, .cytoreduction, .tace, .sirt, .prrt, .chemoStz, .interferon,
  ]

  static let rows: [DecisionRow] = [
    DecisionRow(
      name: "no liver metastases: outside the algorithm",
      changes: [Change("no liver") { $0.liver = nil }], rule: nil, best: nil),
    DecisionRow(
      name: "D1 differentiation unknown", changes: [Edit.undifferentiated],
      rule: "D1", best: .biopsy),
    DecisionRow(name: "D1 well, grade unknown", changes: [Edit.noGrade], rule: "D1", best: .biopsy),
    DecisionRow(
      name: "D1 before D2a", changes: [Edit.undifferentiated, Edit.liverFailure], rule: "D1",
      best: .biopsy),
    DecisionRow(
      name: "D2 poorly differentiated", changes: [Edit.poor], rule: "D2", best: .chemoPlatinum,
      contraindicated: [.resection, .cytoreduction, .transplant]),
    DecisionRow(
      name: "D2 poorly differentiated without a grade", changes: [Edit.noGrade, Edit.poor],
      rule: "D2", best: .chemoPlatinum, contraindicated: [.resection, .cytoreduction, .transplant]),
    DecisionRow(
      name: "D2 well differentiated G3", changes: [Edit.g3], rule: "D2", best: .chemoPlatinum,
      contraindicated: [.resection, .cytoreduction, .transplant]),
    DecisionRow(
      name: "D2 does not add the TACE bar", changes: [Edit.g3, Edit.pvt], rule: "D2",
      best: .chemoPlatinum, contraindicated: [.resection, .cytoreduction, .transplant]),
    DecisionRow(
      name: "D2 before D2a", changes: [Edit.poor, Edit.liverFailure], rule: "D2",
      best: .chemoPlatinum, contraindicated: [.resection, .cytoreduction, .transplant]),
    DecisionRow(
      name: "D2a SSTR positive", changes: [Edit.liverFailure], rule: "D2a", best: .ssa,
      contraindicated: liverFailureContraindicated),
    DecisionRow(
      name: "D2a syndrome, SSTR negative",
      changes: [
        Edit.liverFailure, Edit.sstrNegative,
        Edit.syndrome,
      ], rule: "D2a", best: .ssa, contraindicated: liverFailureContraindicated),
    DecisionRow(
      name: "D2a neither", changes: [Edit.liverFailure, Edit.sstrNegative], rule: "D2a",
      best: .supportiveCare, contraindicated: liverFailureContraindicated),
    DecisionRow(
      name: "D2a before D3", changes: [Edit.liverFailure, Edit.sstrUnknown], rule: "D2a",
      best: .supportiveCare, contraindicated: liverFailureContraindicated),
    DecisionRow(name: "D3 EHD unknown", changes: [Edit.ehdUnknown], rule: "D3", best: .sstrImaging),
    DecisionRow(
      name: "D3 SSTR unknown", changes: [Edit.sstrUnknown], rule: "D3", best: .sstrImaging),
    DecisionRow(
      name: "D3 before D4", changes: [Edit.sstrUnknown, Edit.ehdUnresectable], rule: "D3",
      best: .sstrImaging),
    DecisionRow(
      name: "D4 before D5", changes: [Edit.ehdUnresectable, Edit.unfit], rule: "D4/S0",
      best: .ssa, acceptable: [.surveillance], contraindicated: [.resection, .transplant]),
    DecisionRow(
      name: "D5 before D6", changes: [Edit.unfit], rule: "D5/N0", best: .ssa,
      acceptable: [.surveillance], contraindicated: [.resection, .cytoreduction, .transplant]),
    DecisionRow(name: "D6 complete", changes: [], rule: "D6", best: .resection),
    DecisionRow(name: "D6 two-stage", changes: [Edit.twoStage], rule: "D6", best: .resection),
    DecisionRow(
      name: "D6 with EHD resectable", changes: [Edit.ehdResectable], rule: "D6", best: .resection),
    DecisionRow(
      name: "D6 with TACE barred", changes: [Edit.pvt], rule: "D6", best: .resection,
      contraindicated: [.tace]),
    DecisionRow(
      name: "D7 watchful alternatives", changes: [Edit.debulkable], rule: "D7",
      best: .cytoreduction, acceptable: [.ssa, .surveillance]),
    DecisionRow(
      name: "D7 watchful alternatives, SSTR negative",
      changes: [Edit.debulkable, Edit.sstrNegative],
      rule: "D7", best: .cytoreduction, acceptable: [.surveillance]),
    DecisionRow(
      name: "D7 liver-directed alternatives", changes: [Edit.debulkable, Edit.progressive],
      rule: "D7", best: .cytoreduction, acceptable: [.tace, .sirt, .prrt, .ssa]),
    DecisionRow(
      name: "D7 with TACE barred", changes: [Edit.debulkable, Edit.progressive, Edit.bilio],
      rule: "D7", best: .cytoreduction, acceptable: [.sirt, .prrt, .ssa], contraindicated: [.tace]),
    DecisionRow(
      name: "D8", changes: [Edit.unresectable], rule: "D8", best: .transplant,
      acceptable: [.tace, .sirt, .prrt]),
    DecisionRow(
      name: "D8 SSTR negative", changes: [Edit.unresectable, Edit.sstrNegative], rule: "D8",
      best: .transplant, acceptable: [.tace, .sirt]),
    DecisionRow(
      name: "D8 with TACE barred", changes: [Edit.unresectable, Edit.pvt], rule: "D8",
      best: .transplant, acceptable: [.sirt, .prrt], contraindicated: [.tace]),
    DecisionRow(
      name: "D9 relative failure only", changes: [Edit.unresectable, Edit.old], rule: "D9/N0",
      best: .ssa, acceptable: [.surveillance], contraindicated: [.resection]),
    DecisionRow(
      name: "D9 remediable failure only", changes: [Edit.unresectable, Edit.inSitu],
      rule: "D9/N0", best: .ssa, acceptable: [.surveillance], contraindicated: [.resection]),
    DecisionRow(
      name: "D9 absolute failure", changes: [Edit.unresectable, Edit.bulky], rule: "D9/N0",
      best: .ssa, acceptable: [.surveillance], contraindicated: [.resection, .transplant]),
    DecisionRow(
      name: "D9 absolute failure, TACE barred, progressive",
      changes: [Edit.unresectable, Edit.bulky, Edit.pvt, Edit.progressive], rule: "D9/N2",
      best: .sirt, acceptable: [.prrt, .ssa], contraindicated: [.resection, .transplant, .tace]),
    DecisionRow(
      name: "D9 progressive", changes: [Edit.unresectable, Edit.progressive], rule: "D9/N1",
      best: .tace, acceptable: [.sirt, .prrt, .ssa], contraindicated: [.resection]),
  ]

  @Test("decision table", arguments: rows)
  func decide(row: DecisionRow) {
    row.check()
  }

  /// Every contraindication alone and together, on a progressive case unfit for surgery (D5/N).
  static let contraindicationRows: [DecisionRow] = [
    DecisionRow(
      name: "none", changes: [Edit.unfit, Edit.progressive], rule: "D5/N1", best: .tace,
      acceptable: [.sirt, .prrt, .ssa], contraindicated: [.resection, .cytoreduction, .transplant]),
    DecisionRow(
      name: "portal vein thrombosis", changes: [Edit.unfit, Edit.progressive, Edit.pvt],
      rule: "D5/N2", best: .sirt, acceptable: [.prrt, .ssa],
      contraindicated: [.resection, .cytoreduction, .transplant, .tace]),
    DecisionRow(
      name: "bilioenteric anastomosis", changes: [Edit.unfit, Edit.progressive, Edit.bilio],
      rule: "D5/N2", best: .sirt, acceptable: [.prrt, .ssa],
      contraindicated: [.resection, .cytoreduction, .transplant, .tace]),
    DecisionRow(
      name: "liver failure", changes: [Edit.unfit, Edit.progressive, Edit.liverFailure],
      rule: "D2a", best: .ssa, contraindicated: liverFailureContraindicated),
    DecisionRow(
      name: "both TACE bars, TACE once",
      changes: [Edit.unfit, Edit.progressive, Edit.pvt, Edit.bilio], rule: "D5/N2", best: .sirt,
      acceptable: [.prrt, .ssa], contraindicated: [.resection, .cytoreduction, .transplant, .tace]),
    DecisionRow(
      name: "all three",
      changes: [
        Edit.unfit, Edit.progressive, Edit.pvt, Edit.bilio,
        Edit.liverFailure,
      ], rule: "D2a", best: .ssa, contraindicated: liverFailureContraindicated),
  ]

  @Test("contraindications alone and together", arguments: contraindicationRows)
  func contraindications(row: DecisionRow) {
    row.check()
  }

  @Test("D2 on a well-differentiated tumour explains the WHO 2017/2019 change")
  func netG3Trace() {
    let trace = ClinicalEngine.assess(Fixtures.facts([Edit.g3])).trace.joined(separator: "\n")
    #expect(trace.contains("WHO 2010 calls"))
    #expect(trace.contains("NEC"))
    #expect(trace.contains("WHO 2017/2019"))
    #expect(trace.contains("well-differentiated NET G3"))
    #expect(trace.contains("platinum-etoposide is not the standard"))
    #expect(trace.contains("multidisciplinary board"))
    let poor = ClinicalEngine.assess(Fixtures.facts([Edit.poor])).trace.joined(separator: "\n")
    #expect(!poor.contains("WHO 2017/2019"))
  }

  @Test("the trace names the deciding rule with its source")
  func ruleTrace() {
    let trace = ClinicalEngine.assess(Fixtures.facts([Edit.debulkable])).trace
    #expect(trace.contains { $0.hasPrefix("D7:") && $0.contains("90 %") && $0.contains("CRR") })
    let barred = ClinicalEngine.assess(Fixtures.facts([Edit.pvt])).trace
    #expect(barred.contains { $0.contains("TACE barred") && $0.contains("portal vein thrombosis") })
  }

  @Test("a quiz accepts the best and every acceptable option")
  func accepts() {
    let assessment = ClinicalEngine.assess(Fixtures.facts([Edit.debulkable, Edit.progressive]))
    #expect(assessment.accepts(.cytoreduction))
    #expect(assessment.accepts(.sirt))
    #expect(!assessment.accepts(.transplant))
  }
}
