import Clinical
import Foundation
import Testing

@Suite("JSON output (section 5)")
struct JSONOutputTests {
  static let keys: Set<String> = [
    "grade", "who2010", "t", "n", "m", "stage", "lmType", "transplantEligible",
    "transplantFailures", "rule", "best", "acceptable", "contraindicated", "adjuncts", "trace",
  ]

  /// The case behind the contract's example object: a fit 58-year-old, a 2-cm ileal primary
  /// into the subserosa still in place, N1, Ki-67 12 %, a dominant metastasis with satellites
  /// (35 %, debulkable), no extrahepatic disease, receptor-positive, a syndrome, not on an SSA,
  /// progressive.
  static let example = Fixtures.facts {
    $0.age = 58
    $0.primary = .init(site: .ileum, sizeCm: 2, extent: .subserosa, status: .inSitu)
    $0.pathology = .init(differentiation: .well, ki67: 12)
    $0.liver = .init(
      pattern: .dominantWithSatellites, involvementPercent: 35, resectability: .debulkable)
    $0.syndrome = true
    $0.progressive = true
    $0.stableMonths = nil
    $0.onSSA = false
  }

  static func decoded(_ assessment: Assessment) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: assessment.jsonData())
    return try #require(object as? [String: Any])
  }

  @Test("the contract's example, every key but the free-worded trace")
  func example() throws {
    let json = try Self.decoded(ClinicalEngine.assess(Self.example))
    #expect(Set(json.keys) == Self.keys)
    #expect(json["grade"] as? String == "G2")
    #expect(json["who2010"] as? String == "NET G2")
    #expect(json["t"] as? String == "T3")
    #expect(json["n"] as? String == "N1")
    #expect(json["m"] as? String == "M1")
    #expect(json["stage"] as? String == "IV")
    #expect(json["lmType"] as? String == "II")
    #expect(json["transplantEligible"] as? Bool == false)
    #expect(
      json["transplantFailures"] as? [String] == [
        "primary not resected", "stable disease under 6 months", "age over 55",
      ])
    #expect(json["rule"] as? String == "D7")
    #expect(json["best"] as? String == "cytoreduction")
    #expect(json["acceptable"] as? [String] == ["ssa", "tace", "prrt"])
    #expect(json["contraindicated"] as? [String] == [])
    #expect(
      json["adjuncts"] as? [String] == [
        "ssa", "perioperative_octreotide", "echocardiography", "primary_resection",
        "cholecystectomy",
      ])
    #expect((json["trace"] as? [String])?.isEmpty == false)
  }

  @Test("outside the algorithm: nulls and empty lists")
  func noLiver() throws {
    let facts = Fixtures.facts {
      $0.liver = nil
      $0.extrahepatic = .unknown
      $0.nodes = .nx
      $0.pathology = .init(differentiation: .well)
      $0.primary = .init(site: .colon, status: .resected)
    }
    let json = try Self.decoded(ClinicalEngine.assess(facts))
    #expect(Set(json.keys) == Self.keys)
    for key in ["grade", "who2010", "stage", "lmType", "rule", "best"] {
      #expect(json[key] is NSNull, "\(key)")
    }
    #expect(json["t"] as? String == "TX")
    #expect(json["n"] as? String == "NX")
    #expect(json["m"] as? String == "MX")
    #expect(json["transplantEligible"] as? Bool == false)
    for key in ["acceptable", "contraindicated", "adjuncts"] {
      #expect(json[key] as? [String] == [], "\(key)")
    }
  }

  @Test("the text keeps the contract's key order")
  func keyOrder() {
    let text = String(decoding: ClinicalEngine.assess(Self.example).jsonData(), as: UTF8.self)
    let positions = Assessment.jsonKeys.compactMap { text.range(of: "\"\($0)\":")?.lowerBound }
    #expect(positions.count == Assessment.jsonKeys.count)
    #expect(positions == positions.sorted())
    #expect(Set(Assessment.jsonKeys) == Self.keys)
  }

  @Test("jsonObject and jsonData agree")
  func objectAgrees() throws {
    let assessment = ClinicalEngine.assess(Self.example)
    let fromObject = try JSONSerialization.data(
      withJSONObject: assessment.jsonObject(), options: [.sortedKeys])
    let fromData = try JSONSerialization.data(
      withJSONObject: Self.decoded(assessment), options: [.sortedKeys])
    #expect(fromObject == fromData)
  }

  @Test("strings with quotes, backslashes and control characters survive")
  func escaping() throws {
    var assessment = ClinicalEngine.assess(Self.example)
    let text = "quote \" backslash \\ tab \t newline \n bell \u{07} arrow →"
    assessment.trace = [TraceLine(.grade, text)]
    let json = try Self.decoded(assessment)
    #expect(json["trace"] as? [String] == [text])
  }

  @Test("the notice and the eleven simplifications")
  func simplifications() {
    #expect(Simplifications.items.count == 11)
    #expect(Simplifications.items[5].contains("absolute one above"))
    #expect(Simplifications.items[10].contains("onSSA"))
    #expect(Simplifications.notice.contains("reconstruction"))
    #expect(Simplifications.notice.contains("not clinical decision support"))
  }

  @Test("the human report names the options in the review's words and ends with the notice")
  func report() {
    let lines = ClinicalEngine.assess(Self.example).reportLines()
    #expect(lines.contains { $0.contains("cytoreductive resection (CRR) ± RFA") })
    #expect(lines.last == Simplifications.notice)
    let stz = ClinicalEngine.assess(
      Fixtures.facts([Edit.ehdUnresectable, Edit.progressive, Edit.sstrNegative, Edit.pancreas]))
    let report = stz.reportLines()
    #expect(report.contains("  best: streptozocin-based chemotherapy [chemo_stz]"))
    #expect(report.contains("    - temozolomide- or 5-FU-based chemotherapy [chemo_tem]"))
    let prophylaxis = ClinicalEngine.assess(
      Fixtures.facts([Edit.unfit, Edit.progressive, Edit.sstrNegative, Edit.bilio])
    ).reportLines()
    #expect(
      prophylaxis.contains(
        "    - antibiotic prophylaxis for SIRT after a bilioenteric anastomosis "
          + "[antibiotic_prophylaxis]"))
  }
}
