import Clinical
import Course
import Foundation
import Progress

/// A small course (one lesson, a two-stage case, a case the engine cannot key) and a record
/// of one learner's work on it.
enum ExportFixture {
  static let lesson = Lesson(
    id: "grading", title: "Grading & staging", order: 1, summary: "Grades.",
    objectives: ["Grade a NET."], source: "ENETS",
    pages: [
      Page(
        title: "Ki-67", text: "Ki-67 sets the grade:\n3–20 % is G2.", source: "WHO 2010",
        cloze: ["{{c1::Ki-67}} sets the grade.", "{{c1::3–20 %::range}} is {{c2::G2}}."]),
      Page(title: "Mitoses", text: "Mitoses count too.", source: "ENETS"),
    ],
    questions: [
      Question(
        id: "g1", kind: .single, stem: "Ki-67 12 %: grade?",
        options: [
          Option(id: "a", text: "G1", explanation: "G1 is 2 % or less."),
          Option(id: "b", text: "G2", explanation: "3–20 % is G2."),
          Option(id: "c", text: "G3", explanation: "G3 is over 20 %."),
        ], key: ["b"], explanation: "Ki-67 sets the grade.", source: "WHO 2010",
        tags: ["grading"]),
      Question(
        id: "g2", kind: .multiple, stem: "Which two measures\nset the grade?",
        options: [
          Option(id: "a", text: "Ki-67", explanation: "Yes."),
          Option(id: "b", text: "Size > 2 cm", explanation: "Size sets T, not grade."),
          Option(id: "c", text: "Mitoses", explanation: "Yes."),
        ], key: ["a", "c"],
        explanation: "Ki-67 and mitoses\nset the grade.\n\nThe higher grade wins.\n",
        source: "ENETS 2006", tags: ["grading", "measures"]),
      Question(
        id: "g3", kind: .trueFalse, stem: "The higher grade wins.",
        options: [
          Option(id: "a", text: "True", explanation: "Right."),
          Option(id: "b", text: "False", explanation: "It does win."),
        ], key: ["a"], explanation: "With both measures, the higher grade wins.",
        source: "WHO 2010"),
    ])

  /// Differentiation unknown: the engine asks for a biopsy (rule D1) and knows no grade.
  static let before = CaseFacts(
    age: 61, primary: .init(site: .ileum, sizeCm: 1.5, extent: .subserosa, status: .inSitu),
    nodes: .n1, pathology: .init(differentiation: .unknown),
    liver: .init(
      pattern: .dominantWithSatellites, involvementPercent: 35, resectability: .debulkable),
    extrahepatic: .none, sstr: .positive, syndrome: true, progressive: false,
    fitForSurgery: true, stableMonths: 8)

  /// Ki-67 4 % (G2) and one mitosis per 10 HPF (G1): the higher grade, G2, wins.
  static var after: CaseFacts {
    var facts = before
    facts.pathology = .init(differentiation: .well, ki67: 4, mitoses: 1)
    return facts
  }

  static let clinicalCase = ClinicalCase(
    id: "ileal", title: "Flushing and a nodular liver", tags: ["treatment"],
    source: "Frilling et al., HPB 2010, Figure 3",
    stages: [
      CaseStage(
        title: "Presentation",
        text: "A 61-year-old man has flushing.\n\nCT shows\nliver lesions.\n",
        facts: before,
        steps: [
          CaseStep(
            id: "first", kind: .nextStep, facts: before,
            options: ["resection", "biopsy", "sstr_imaging", "prrt"], points: "Histology first.")
        ]),
      CaseStage(
        title: "Pathology", text: "Ki-67 4 %.", facts: after,
        steps: [CaseStep(id: "grade", kind: .grade, facts: after, source: "WHO 2010")]),
    ])

  /// A case whose only step has no key: the facts leave the grade unknown.
  static let unkeyed = ClinicalCase(
    id: "unkeyed", title: "No grade yet", tags: [], source: "None",
    stages: [
      CaseStage(
        title: "Only", text: "Nothing known.", facts: before,
        steps: [CaseStep(id: "grade", kind: .grade, facts: before)])
    ])

  static let course = Course(lessons: [lesson], cases: [clinicalCase, unkeyed])

  /// 2027-01-15T08:00:00.000Z, and `seconds` later.
  static func time(_ seconds: Double = 0) -> Date {
    Date(timeIntervalSince1970: 1_800_000_000 + seconds)
  }
}
