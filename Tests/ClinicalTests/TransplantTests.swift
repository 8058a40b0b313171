import Clinical
import Testing

@Suite("Milan criteria (Mazzaferro 2007)")
struct TransplantTests {
  @Test("the baseline meets every criterion")
  func eligible() {
    let assessment = ClinicalEngine.assess(Fixtures.baseline)
    #expect(assessment.transplantEligible)
    #expect(assessment.transplantFailures.isEmpty)
  }

  @Test(
    "failure texts and kinds, as the contract's table",
    arguments: [
      (MilanFailure.noLiverMetastases, "no liver metastases", MilanFailureKind.absolute),
      (.notLowGradeNET, "not a well-differentiated NET G1/G2", .absolute),
      (.primaryNotPortalDrained, "primary not portal-drained", .absolute),
      (.primaryNotResected, "primary not resected", .remediable),
      (.liverInvolvementOver50, "liver involvement over 50 %", .absolute),
      (.stableUnder6Months, "stable disease under 6 months", .remediable),
      (.ageOver55, "age over 55", .relative),  // at 60; absolute above 65
      (.extrahepaticDisease, "extrahepatic disease present or not excluded", .absolute),
      (.unfitForSurgery, "unfit for surgery", .absolute),
    ])
  func table(failure: MilanFailure, text: String, kind: MilanFailureKind) {
    #expect(failure.text == text)
    #expect(failure.kind(age: 60) == kind)
  }

  @Test(
    "age: 55 holds, 56–65 relative, above 65 absolute",
    arguments: [
      (55, nil), (56, MilanFailureKind.relative), (65, .relative), (66, .absolute), (80, .absolute),
    ] as [(Int, MilanFailureKind?)])
  func age(age: Int, kind: MilanFailureKind?) {
    let assessment = ClinicalEngine.assess(Fixtures.facts([Edit.age(age)]))
    #expect(assessment.transplantFailures == (kind == nil ? [] : [.ageOver55]))
    if let kind { #expect(assessment.kind(of: .ageOver55) == kind) }
    let report = assessment.reportLines().joined(separator: "\n")
    if let kind { #expect(report.contains("age over 55 (\(kind.rawValue))")) }
  }

  @Test(
    "each criterion alone",
    arguments: [
      (Change("no liver metastases") { $0.liver = nil }, [MilanFailure.noLiverMetastases]),
      (Change("poorly differentiated") { $0.pathology.differentiation = .poor }, [.notLowGradeNET]),
      (Change("well, G3") { $0.pathology.ki67 = 25 }, [.notLowGradeNET]),
      (
        Change("differentiation unknown, G2") { $0.pathology.differentiation = .unknown },
        [.notLowGradeNET]
      ),
      (Change("grade unknown") { $0.pathology = .init(differentiation: .well) }, [.notLowGradeNET]),
      (Change("NET G1") { $0.pathology.ki67 = 1 }, []),
      (
        Change("rectum") { $0.primary = .init(site: .rectum, status: .resected) },
        [.primaryNotPortalDrained]
      ),
      (Change("in situ") { $0.primary.status = .inSitu }, [.primaryNotResected]),
      (Change("status unknown") { $0.primary.status = .unknown }, [.primaryNotResected]),
      (Change("involvement 50 %") { $0.liver?.involvementPercent = 50 }, []),
      (Change("involvement 51 %") { $0.liver?.involvementPercent = 51 }, [.liverInvolvementOver50]),
      (
        Change("involvement 50.5 %") { $0.liver?.involvementPercent = 50.5 },
        [.liverInvolvementOver50]
      ),
      (Change("stable 6 months") { $0.stableMonths = 6 }, []),
      (Change("stable 5 months") { $0.stableMonths = 5 }, [.stableUnder6Months]),
      (Change("stable 5.9 months") { $0.stableMonths = 5.9 }, [.stableUnder6Months]),
      (Change("stability unknown") { $0.stableMonths = nil }, [.stableUnder6Months]),
      (Change("age 55") { $0.age = 55 }, []),
      (Change("age 56") { $0.age = 56 }, [.ageOver55]),
      (Change("EHD resectable") { $0.extrahepatic = .resectable }, [.extrahepaticDisease]),
      (Change("EHD unresectable") { $0.extrahepatic = .unresectable }, [.extrahepaticDisease]),
      (Change("EHD unknown") { $0.extrahepatic = .unknown }, [.extrahepaticDisease]),
      (Change("unfit") { $0.fitForSurgery = false }, [.unfitForSurgery]),
    ])
  func alone(change: Change, expected: [MilanFailure]) {
    let assessment = ClinicalEngine.assess(Fixtures.facts([change]))
    #expect(assessment.transplantFailures == expected)
    #expect(assessment.transplantEligible == expected.isEmpty)
  }

  @Test("all criteria failing together, in criterion order")
  func allTogether() {
    let facts = Fixtures.facts {
      $0.pathology.differentiation = .poor
      $0.primary = .init(site: .rectum, status: .inSitu)
      $0.liver?.involvementPercent = 80
      $0.stableMonths = nil
      $0.age = 70
      $0.extrahepatic = .unresectable
      $0.fitForSurgery = false
    }
    let expected = MilanFailure.allCases.filter { $0 != .noLiverMetastases }
    #expect(ClinicalEngine.assess(facts).transplantFailures == expected)
    var noLiver = facts
    noLiver.liver = nil
    // Involvement is checked only when there are liver metastases.
    #expect(
      ClinicalEngine.assess(noLiver).transplantFailures
        == MilanFailure.allCases.filter { $0 != .liverInvolvementOver50 })
  }

  @Test("the trace names every failure with its kind and the source")
  func trace() {
    let facts = Fixtures.facts {
      $0.primary.status = .inSitu
      $0.age = 60
    }
    let line = ClinicalEngine.assess(facts).trace.first { $0.rule == .milan }?.text ?? ""
    #expect(line.contains("primary not resected (remediable"))
    #expect(line.contains("age over 55 (relative; age 60"))
    #expect(line.contains("Mazzaferro V et al., J Hepatol 2007"))
    var older = facts
    older.age = 70
    let absolute = ClinicalEngine.assess(older).trace.first { $0.rule == .milan }?.text ?? ""
    #expect(absolute.contains("age over 55 (absolute; age 70, over 65"))
  }
}
