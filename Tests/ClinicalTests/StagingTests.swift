import Clinical
import Testing

@Suite("T, M, stage, liver-metastasis type and portal drainage")
struct StagingTests {
  typealias Primary = CaseFacts.Primary

  @Test(
    "pancreas (ENETS 2006)",
    arguments: [
      (PrimaryExtent?.some(.confined), Double?.some(1.9), TCategory.t1),
      (.confined, 2, .t2), (.confined, 4, .t2), (.confined, 4.1, .t3), (.confined, nil, .tx),
      (.duodenumOrBileDuct, 1, .t3), (.duodenumOrBileDuct, nil, .t3),
      (.adjacentOrgansOrVessels, 1, .t4), (.adjacentOrgansOrVessels, nil, .t4), (nil, 3, .tx),
      (nil, nil, .tx),
    ])
  func pancreas(extent: PrimaryExtent?, size: Double?, expected: TCategory) {
    let primary = Primary(site: .pancreas, sizeCm: size, extent: extent, status: .resected)
    #expect(TCategory.of(primary) == expected)
  }

  static let smallBowelRows: [(PrimaryExtent?, Double?, TCategory)] = [
    (.mucosaSubmucosa, 1, .t1), (.mucosaSubmucosa, 0.5, .t1), (.mucosaSubmucosa, 1.1, .t2),
    (.mucosaSubmucosa, nil, .tx), (.muscularisPropria, 0.5, .t2), (.muscularisPropria, nil, .t2),
    (.subserosa, 0.5, .t3), (.subserosa, nil, .t3), (.serosaOrAdjacentOrgans, 0.5, .t4),
    (.serosaOrAdjacentOrgans, nil, .t4), (nil, 0.5, .tx),
  ]

  @Test("jejunum and ileum (ENETS 2007)", arguments: [PrimarySite.jejunum, .ileum])
  func smallBowel(site: PrimarySite) {
    for (extent, size, expected) in Self.smallBowelRows {
      let primary = Primary(site: site, sizeCm: size, extent: extent, status: .resected)
      #expect(
        TCategory.of(primary) == expected,
        "\(site) \(String(describing: extent)) \(String(describing: size))")
    }
  }

  @Test(
    "other sites are TX",
    arguments: [PrimarySite.stomach, .duodenum, .appendix, .colon, .rectum, .unknown])
  func otherSites(site: PrimarySite) {
    #expect(TCategory.of(Primary(site: site, sizeCm: 0.5, status: .unknown)) == .tx)
    // Only a hand-built value can carry an extent its site does not have; it decides nothing.
    let odd = Primary(site: site, sizeCm: 0.5, extent: .confined, status: .unknown)
    #expect(TCategory.of(odd) == .tx)
  }

  @Test("an extent of another site decides nothing")
  func foreignExtent() {
    let pancreas = Primary(site: .pancreas, sizeCm: 1, extent: .subserosa, status: .resected)
    let ileum = Primary(site: .ileum, sizeCm: 1, extent: .confined, status: .resected)
    #expect(TCategory.of(pancreas) == .tx)
    #expect(TCategory.of(ileum) == .tx)
  }

  @Test(
    "M category",
    arguments: [
      (true, ExtrahepaticDisease.none, MCategory.m1), (true, .unknown, .m1),
      (true, .resectable, .m1), (false, .resectable, .m1), (false, .unresectable, .m1),
      (false, .none, .m0), (false, .unknown, .mx),
    ])
  func mCategory(hasLiver: Bool, extrahepatic: ExtrahepaticDisease, expected: MCategory) {
    let liver = hasLiver ? Fixtures.baseline.liver : nil
    #expect(MCategory.of(liver: liver, extrahepatic: extrahepatic) == expected)
  }

  @Test(
    "stage groups (ENETS)",
    arguments: [
      (TCategory.t1, NodalStatus.n0, MCategory.m0, Stage?.some(.i)), (.t2, .n0, .m0, .iia),
      (.t3, .n0, .m0, .iib), (.t4, .n0, .m0, .iiia), (.t1, .n1, .m0, .iiib),
      (.tx, .n1, .m0, .iiib), (.t4, .n1, .m0, .iiib), (.t1, .n0, .m1, .iv),
      (.tx, .nx, .m1, .iv), (.tx, .n0, .m0, nil), (.t1, .nx, .m0, nil), (.t1, .n0, .mx, nil),
      (.t1, .n1, .mx, nil), (.tx, .nx, .mx, nil),
    ])
  func stage(t: TCategory, n: NodalStatus, m: MCategory, expected: Stage?) {
    #expect(Stage.of(t: t, n: n, m: m) == expected)
  }

  @Test("stage from whole cases (FACTS §15 constructed checks)")
  func constructedChecks() {
    let pnet = Fixtures.facts {
      $0.primary = Primary(site: .pancreas, sizeCm: 3, extent: .confined, status: .resected)
      $0.nodes = .n1
      $0.liver = nil
    }
    #expect(ClinicalEngine.assess(pnet).stage == .iiib)
    let invading = Fixtures.facts {
      $0.primary = Primary(
        site: .pancreas, sizeCm: 5, extent: .duodenumOrBileDuct, status: .resected)
      $0.nodes = .n0
      $0.liver = nil
    }
    #expect(ClinicalEngine.assess(invading).t == .t3)
    #expect(ClinicalEngine.assess(invading).stage == .iib)
    let ileal = Fixtures.facts { $0.liver = nil }
    #expect(ClinicalEngine.assess(ileal).stage == .iiib)
    #expect(ClinicalEngine.assess(Fixtures.baseline).stage == .iv)
  }

  @Test(
    "liver-metastasis type",
    arguments: [
      (LiverPattern.single, LiverMetastasisType.i), (.dominantWithSatellites, .ii),
      (.disseminated, .iii),
    ])
  func lmType(pattern: LiverPattern, expected: LiverMetastasisType) {
    let facts = Fixtures.facts {
      $0.liver?.pattern = pattern
      $0.liver?.resectability = .none
    }
    #expect(ClinicalEngine.assess(facts).lmType == expected)
  }

  @Test("no liver metastases: no type")
  func noType() {
    #expect(ClinicalEngine.assess(Fixtures.facts { $0.liver = nil }).lmType == nil)
  }

  @Test(
    "portal drainage",
    arguments: [
      (PrimarySite.pancreas, true), (.stomach, true), (.duodenum, true), (.jejunum, true),
      (.ileum, true), (.appendix, true), (.colon, true), (.rectum, false), (.unknown, false),
    ])
  func portal(site: PrimarySite, expected: Bool) {
    #expect(site.isPortalDrained == expected)
    let facts = Fixtures.facts {
      $0.primary = Primary(site: site, status: site == .unknown ? .unknown : .resected)
    }
    let assessment = ClinicalEngine.assess(facts)
    #expect(assessment.portalDrained == expected)
    #expect(assessment.transplantFailures.contains(.primaryNotPortalDrained) == !expected)
  }
}
