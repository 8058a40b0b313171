import Clinical
import Course
import Foundation
import Progress
@testable import Tutor

/// A two-stage case: biopsy first, then a debulkable ileal NET with a syndrome that persists
/// on an SSA (so that TACE is among the acceptable alternatives to cytoreduction).
enum CaseFixture {
  static let before = CaseFacts(
    age: 61, primary: .init(site: .ileum, sizeCm: 1.5, extent: .subserosa, status: .inSitu),
    nodes: .n1, pathology: .init(differentiation: .unknown),
    liver: .init(
      pattern: .dominantWithSatellites, involvementPercent: 35, resectability: .debulkable),
    extrahepatic: .none, sstr: .positive, syndrome: true, progressive: false,
    fitForSurgery: true, stableMonths: 8, onSSA: true)

  static var after: CaseFacts {
    var facts = before
    facts.pathology = .init(differentiation: .well, ki67: 4, mitoses: 1)
    return facts
  }

  static var younger: CaseFacts {
    var facts = after
    facts.age = 45
    facts.primary.status = .resected
    facts.liver?.resectability = .none
    return facts
  }

  static let clinicalCase = ClinicalCase(
    id: "ileal-crr", title: "Flushing and a nodular liver", tags: ["treatment"],
    source: "Frilling et al., HPB 2010, Figure 3",
    stages: [
      CaseStage(
        title: "Presentation", text: "A 61-year-old man has flushing.", facts: before,
        steps: [
          CaseStep(
            id: "first", kind: .nextStep, facts: before,
            options: ["resection", "biopsy", "sstr_imaging", "prrt"], points: "Histology first.")
        ]),
      CaseStage(
        title: "Pathology", text: "The biopsy shows a well-differentiated NET, Ki-67 4 %.",
        facts: after,
        steps: [
          CaseStep(id: "grade", kind: .grade, facts: after),
          CaseStep(
            id: "best", kind: .treatment, facts: after,
            options: ["resection", "cytoreduction", "transplant", "tace"]),
          CaseStep(
            id: "extras", kind: .adjuncts, facts: after,
            options: [
              "ssa", "perioperative_octreotide", "echocardiography", "primary_resection",
              "cholecystectomy", "rehd",
            ]),
          CaseStep(
            id: "if-younger", kind: .transplantEligible, facts: younger,
            whatIf: "age 45; primary resected; nothing resectable"),
        ]),
    ])

  static func tutor(clock: TutorFixture.Clock = TutorFixture.Clock()) -> Tutor {
    let course = Course(lessons: [TutorFixture.lesson], cases: [clinicalCase])
    return Tutor(
      course: course,
      session: Session(learner: "ana", now: Date(timeIntervalSince1970: 1_800_000_000)),
      clock: { clock.read() })
  }
}
