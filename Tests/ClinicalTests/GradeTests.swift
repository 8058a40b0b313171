import Clinical
import Testing

@Suite("Grade and WHO 2010 category")
struct GradeTests {
  @Test(
    "Ki-67 alone",
    arguments: [
      (0.0, Grade.g1), (2, .g1), (2.5, .g2), (3, .g2), (20, .g2), (20.5, .g3), (100, .g3),
    ])
  func ki67(value: Double, expected: Grade) {
    #expect(Grade(ki67: value) == expected)
    #expect(Grade.of(ki67: value, mitoses: nil) == expected)
  }

  @Test(
    "mitoses per 10 HPF alone",
    arguments: [
      (0.0, Grade.g1), (1, .g1), (1.9, .g1), (2, .g2), (20, .g2), (20.5, .g3), (21, .g3),
    ])
  func mitoses(value: Double, expected: Grade) {
    #expect(Grade(mitoses: value) == expected)
    #expect(Grade.of(ki67: nil, mitoses: value) == expected)
  }

  @Test(
    "with both, the higher grade wins",
    arguments: [
      (12.0, 1.0, Grade.g2), (1, 5, .g2), (25, 1, .g3), (1, 25, .g3), (2, 1, .g1),
      (2.5, 1, .g2), (3, 21, .g3), (20, 20, .g2),
    ])
  func discordant(ki67: Double, mitoses: Double, expected: Grade) {
    #expect(Grade.of(ki67: ki67, mitoses: mitoses) == expected)
  }

  @Test("with neither, the grade is unknown")
  func unknownGrade() {
    #expect(Grade.of(ki67: nil, mitoses: nil) == nil)
    let facts = Fixtures.facts { $0.pathology = .init(differentiation: .well) }
    #expect(ClinicalEngine.assess(facts).grade == nil)
  }

  @Test(
    "WHO 2010 category",
    arguments: [
      (Differentiation.poor, Grade?.some(.g1), WHO2010Category?.some(.nec)),
      (.poor, nil, .nec), (.well, .g3, .nec), (.unknown, .g3, .nec), (.well, .g1, .netG1),
      (.well, .g2, .netG2), (.unknown, .g1, .netG1), (.unknown, .g2, .netG2), (.well, nil, nil),
      (.unknown, nil, nil),
    ])
  func who2010(differentiation: Differentiation, grade: Grade?, expected: WHO2010Category?) {
    #expect(WHO2010Category.of(differentiation: differentiation, grade: grade) == expected)
  }

  @Test("the trace shows both measures and the rule that combined them")
  func trace() {
    let facts = Fixtures.facts {
      $0.pathology = .init(differentiation: .well, ki67: 12, mitoses: 1)
    }
    let line = ClinicalEngine.assess(facts).trace.first { $0.rule == .grade }?.text ?? ""
    #expect(line.contains("Ki-67 12 % → G2"))
    #expect(line.contains("mitoses 1/10 HPF → G1"))
    #expect(line.contains("higher grade wins → G2"))
    #expect(line.contains("WHO 2010"))
  }
}
