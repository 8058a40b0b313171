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
  static let onSSA = Change("on an SSA") { $0.onSSA = true }
  static let inSitu = Change("primary in situ") { $0.primary.status = .inSitu }
  static let old = Change("age 60") { $0.age = 60 }
  static let bulky = Change("involvement 60 %") { $0.liver?.involvementPercent = 60 }
  static let pancreas = Change("pancreas") {
    $0.primary = .init(site: .pancreas, sizeCm: 3, extent: .confined, status: .resected)
  }
  static let duodenum = Change("duodenum") {
    $0.primary = .init(site: .duodenum, sizeCm: 1, status: .resected)
  }
  static let mitosesOnly = Change("mitoses only") { $0.pathology.ki67 = nil }

  static func ki67(_ value: Double) -> Change {
    Change("Ki-67 \(value) %") { $0.pathology.ki67 = value }
  }
  static func involvement(_ value: Double) -> Change {
    Change("involvement \(value) %") { $0.liver?.involvementPercent = value }
  }
  static func age(_ value: Int) -> Change { Change("age \(value)") { $0.age = value } }
}

@Suite("Decision rules D2a, D1, D2, D3, D4–D9 and their order")
struct DecisionTests {
  static let liverFailureContraindicated: [ClinicalOption] = [
    .resection, .cytoreduction, .tace, .sirt, .prrt, .chemoStz, .chemoTem, .chemoPlatinum,
    .interferon, .transplant,
  ]
  static let nec: [ClinicalOption] = [.resection, .cytoreduction, .transplant]

  static let rows: [DecisionRow] = [
    DecisionRow(
      name: "no liver metastases: outside the algorithm",
      changes: [Change("no liver") { $0.liver = nil }], rule: nil, best: nil),
    // D2a: liver failure is tried first of all.
    DecisionRow(
      name: "D2a syndrome: an SSA for the symptoms", changes: [Edit.liverFailure, Edit.syndrome],
      rule: "D2a", best: .ssa, contraindicated: liverFailureContraindicated),
    DecisionRow(
      name: "D2a SSTR positive without a syndrome: supportive care", changes: [Edit.liverFailure],
      rule: "D2a", best: .supportiveCare, contraindicated: liverFailureContraindicated),
    DecisionRow(
      name: "D2a SSTR negative", changes: [Edit.liverFailure, Edit.sstrNegative], rule: "D2a",
      best: .supportiveCare, contraindicated: liverFailureContraindicated),
    DecisionRow(
      name: "D2a before D1: liver failure with unknown histology",
      changes: [Edit.undifferentiated, Edit.liverFailure], rule: "D2a", best: .supportiveCare,
      contraindicated: liverFailureContraindicated),
    DecisionRow(
      name: "D2a before D1: liver failure without a grade",
      changes: [Edit.noGrade, Edit.liverFailure],
      rule: "D2a", best: .supportiveCare, contraindicated: liverFailureContraindicated),
    DecisionRow(
      name: "D2a before D2", changes: [Edit.poor, Edit.liverFailure, Edit.syndrome], rule: "D2a",
      best: .ssa, contraindicated: liverFailureContraindicated),
    DecisionRow(
      name: "D2a before D3", changes: [Edit.liverFailure, Edit.sstrUnknown], rule: "D2a",
      best: .supportiveCare, contraindicated: liverFailureContraindicated),
    DecisionRow(
      name: "D2a before D2b", changes: [Edit.g3, Edit.liverFailure], rule: "D2a",
      best: .supportiveCare, contraindicated: liverFailureContraindicated),
    DecisionRow(
      name: "D2a before D4 and D5", changes: [Edit.ehdUnresectable, Edit.unfit, Edit.liverFailure],
      rule: "D2a", best: .supportiveCare, contraindicated: liverFailureContraindicated),
    // D1.
    DecisionRow(
      name: "D1 differentiation unknown", changes: [Edit.undifferentiated], rule: "D1",
      best: .biopsy),
    DecisionRow(name: "D1 well, grade unknown", changes: [Edit.noGrade], rule: "D1", best: .biopsy),
    DecisionRow(
      name: "D1 before D3", changes: [Edit.undifferentiated, Edit.sstrUnknown], rule: "D1",
      best: .biopsy),
    DecisionRow(
      name: "D1 does not add the TACE bar", changes: [Edit.noGrade, Edit.pvt], rule: "D1",
      best: .biopsy),
    // D2: only poorly differentiated.
    DecisionRow(
      name: "D2 poorly differentiated", changes: [Edit.poor], rule: "D2", best: .chemoPlatinum,
      contraindicated: nec),
    DecisionRow(
      name: "D2 poorly differentiated without a grade", changes: [Edit.noGrade, Edit.poor],
      rule: "D2", best: .chemoPlatinum, contraindicated: nec),
    DecisionRow(
      name: "D2 before D3", changes: [Edit.poor, Edit.ehdUnknown], rule: "D2",
      best: .chemoPlatinum, contraindicated: nec),
    DecisionRow(
      name: "D2 does not add the TACE bar", changes: [Edit.poor, Edit.pvt], rule: "D2",
      best: .chemoPlatinum, contraindicated: nec),
    // D3.
    DecisionRow(name: "D3 EHD unknown", changes: [Edit.ehdUnknown], rule: "D3", best: .sstrImaging),
    DecisionRow(
      name: "D3 SSTR unknown", changes: [Edit.sstrUnknown], rule: "D3", best: .sstrImaging),
    DecisionRow(
      name: "D3 before D2b", changes: [Edit.g3, Edit.sstrUnknown], rule: "D3", best: .sstrImaging),
    DecisionRow(
      name: "D3 before D4", changes: [Edit.sstrUnknown, Edit.ehdUnresectable], rule: "D3",
      best: .sstrImaging),
    // D4 to D7.
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
      name: "D6 with a syndrome, progressive, on an SSA: still resection",
      changes: [Edit.syndrome, Edit.progressive, Edit.onSSA], rule: "D6", best: .resection),
    DecisionRow(
      name: "D7 watchful alternatives", changes: [Edit.debulkable], rule: "D7",
      best: .cytoreduction, acceptable: [.ssa, .surveillance]),
    DecisionRow(
      name: "D7 watchful alternatives, SSTR negative",
      changes: [Edit.debulkable, Edit.sstrNegative],
      rule: "D7", best: .cytoreduction, acceptable: [.surveillance]),
    DecisionRow(
      name: "D7 progressive, not on an SSA: SSA first among the alternatives",
      changes: [Edit.debulkable, Edit.progressive], rule: "D7", best: .cytoreduction,
      acceptable: [.ssa, .tace]),
    DecisionRow(
      name: "D7 progressive on an SSA: TACE first among the alternatives",
      changes: [Edit.debulkable, Edit.progressive, Edit.onSSA], rule: "D7", best: .cytoreduction,
      acceptable: [.tace, .sirt, .prrt]),
    DecisionRow(
      name: "D7 with TACE barred",
      changes: [Edit.debulkable, Edit.progressive, Edit.onSSA, Edit.bilio],
      rule: "D7", best: .cytoreduction, acceptable: [.prrt, .sirt], contraindicated: [.tace]),
    // D8, D8/N and D9.
    DecisionRow(
      name: "D8: the watchful options stay acceptable", changes: [Edit.unresectable], rule: "D8",
      best: .transplant, acceptable: [.ssa, .surveillance]),
    DecisionRow(
      name: "D8 SSTR negative", changes: [Edit.unresectable, Edit.sstrNegative], rule: "D8",
      best: .transplant, acceptable: [.surveillance]),
    DecisionRow(
      name: "D8 with TACE barred", changes: [Edit.unresectable, Edit.pvt], rule: "D8",
      best: .transplant, acceptable: [.ssa, .surveillance], contraindicated: [.tace]),
    DecisionRow(
      name: "D8 Ki-67 9.9 %", changes: [Edit.unresectable, Edit.ki67(9.9)], rule: "D8",
      best: .transplant, acceptable: [.ssa, .surveillance]),
    DecisionRow(
      name: "D8 Ki-67 unknown (graded by mitoses)", changes: [Edit.unresectable, Edit.mitosesOnly],
      rule: "D8", best: .transplant, acceptable: [.ssa, .surveillance]),
    DecisionRow(
      name: "D8/N Ki-67 10 %", changes: [Edit.unresectable, Edit.ki67(10)], rule: "D8/N0",
      best: .ssa, acceptable: [.surveillance, .transplant]),
    DecisionRow(
      name: "D8/N pancreatic primary (Le Treut 2008)", changes: [Edit.unresectable, Edit.pancreas],
      rule: "D8/N0", best: .ssa, acceptable: [.surveillance, .transplant]),
    DecisionRow(
      name: "D8/N duodenal primary", changes: [Edit.unresectable, Edit.duodenum], rule: "D8/N0",
      best: .ssa, acceptable: [.surveillance, .transplant]),
    DecisionRow(
      name: "D9 relative failure only (age 56)", changes: [Edit.unresectable, Edit.age(56)],
      rule: "D9/N0", best: .ssa, acceptable: [.surveillance], contraindicated: [.resection]),
    DecisionRow(
      name: "D9 age 65: still relative", changes: [Edit.unresectable, Edit.age(65)],
      rule: "D9/N0", best: .ssa, acceptable: [.surveillance], contraindicated: [.resection]),
    DecisionRow(
      name: "D9 age 66: absolute", changes: [Edit.unresectable, Edit.age(66)], rule: "D9/N0",
      best: .ssa, acceptable: [.surveillance], contraindicated: [.resection, .transplant]),
    DecisionRow(
      name: "D9 remediable failure only", changes: [Edit.unresectable, Edit.inSitu],
      rule: "D9/N0", best: .ssa, acceptable: [.surveillance], contraindicated: [.resection]),
    DecisionRow(
      name: "D9 absolute failure", changes: [Edit.unresectable, Edit.bulky], rule: "D9/N0",
      best: .ssa, acceptable: [.surveillance], contraindicated: [.resection, .transplant]),
    DecisionRow(
      name: "D9 progressive, not on an SSA", changes: [Edit.unresectable, Edit.progressive],
      rule: "D9/N1", best: .ssa, acceptable: [.tace], contraindicated: [.resection]),
    DecisionRow(
      name: "D9 progressive on an SSA", changes: [Edit.unresectable, Edit.progressive, Edit.onSSA],
      rule: "D9/N2", best: .tace, acceptable: [.sirt, .prrt], contraindicated: [.resection]),
    DecisionRow(
      name: "D9 absolute failure, TACE barred, progressive on an SSA",
      changes: [Edit.unresectable, Edit.bulky, Edit.pvt, Edit.progressive, Edit.onSSA],
      rule: "D9/N3", best: .prrt, acceptable: [.sirt],
      contraindicated: [.resection, .transplant, .tace]),
  ]

  @Test("decision table", arguments: rows)
  func decide(row: DecisionRow) {
    row.check()
  }

  /// Every contraindication alone and together, on a case unfit for surgery whose syndrome
  /// persists on an SSA (D5/N2 without a bar).
  static let contraindicationRows: [DecisionRow] = {
    let base = [Edit.unfit, Edit.syndrome, Edit.onSSA, Edit.progressive]
    let d5: [ClinicalOption] = [.resection, .cytoreduction, .transplant]
    return [
      DecisionRow(
        name: "none", changes: base, rule: "D5/N2", best: .tace, acceptable: [.sirt, .prrt],
        contraindicated: d5),
      DecisionRow(
        name: "portal vein thrombosis", changes: base + [Edit.pvt], rule: "D5/N3", best: .prrt,
        acceptable: [.sirt], contraindicated: d5 + [.tace]),
      DecisionRow(
        name: "bilioenteric anastomosis", changes: base + [Edit.bilio], rule: "D5/N3",
        best: .prrt, acceptable: [.sirt], contraindicated: d5 + [.tace]),
      DecisionRow(
        name: "liver failure", changes: base + [Edit.liverFailure], rule: "D2a", best: .ssa,
        contraindicated: liverFailureContraindicated),
      DecisionRow(
        name: "both TACE bars, TACE once", changes: base + [Edit.pvt, Edit.bilio], rule: "D5/N3",
        best: .prrt, acceptable: [.sirt], contraindicated: d5 + [.tace]),
      DecisionRow(
        name: "portal vein thrombosis and liver failure",
        changes: base + [Edit.pvt, Edit.liverFailure], rule: "D2a", best: .ssa,
        contraindicated: liverFailureContraindicated),
      DecisionRow(
        name: "bilioenteric anastomosis and liver failure",
        changes: base + [Edit.bilio, Edit.liverFailure], rule: "D2a", best: .ssa,
        contraindicated: liverFailureContraindicated),
      DecisionRow(
        name: "all three", changes: base + [Edit.pvt, Edit.bilio, Edit.liverFailure],
        rule: "D2a", best: .ssa, contraindicated: liverFailureContraindicated),
    ]
  }()

  @Test("contraindications alone and together", arguments: contraindicationRows)
  func contraindications(row: DecisionRow) {
    row.check()
  }

  @Test("a quiz accepts the best and every acceptable option")
  func accepts() {
    let assessment = ClinicalEngine.assess(
      Fixtures.facts([Edit.debulkable, Edit.progressive, Edit.onSSA]))
    #expect(assessment.accepts(.cytoreduction))
    #expect(assessment.accepts(.sirt))
    #expect(!assessment.accepts(.transplant))
  }

  @Test("the typed rule and branch agree with the rule's id")
  func typedRule() {
    let d9 = ClinicalEngine.assess(Fixtures.facts([Edit.unresectable, Edit.bulky]))
    #expect(d9.decisionRule == .d9 && d9.branch == .n0 && d9.rule == "D9/N0")
    let d6 = ClinicalEngine.assess(Fixtures.baseline)
    #expect(d6.decisionRule == .d6 && d6.branch == nil && d6.rule == "D6")
    let outside = ClinicalEngine.assess(Fixtures.facts([Change("no liver") { $0.liver = nil }]))
    #expect(outside.decisionRule == nil && outside.branch == nil)
  }
}
