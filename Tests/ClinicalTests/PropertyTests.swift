import Clinical
import Foundation
import Testing

/// SplitMix64: a small seeded generator, so every run sees the same cases.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

enum Generator {
  /// Values near every boundary of the contract, so the cut-offs are crossed often.
  static let percents: [Double] = [
    0, 1, 2, 2.5, 3, 9.9, 10, 12, 15, 15.1, 20, 20.1, 50, 51, 55, 55.1, 70, 71, 80, 100,
  ]
  static let counts: [Double] = [0, 1, 1.9, 2, 5, 20, 21, 40]
  static let sizes: [Double] = [0.5, 1, 1.1, 1.9, 2, 4, 4.1, 6]

  static func maybe<T>(_ values: [T], _ rng: inout SplitMix64) -> T? {
    Bool.random(using: &rng) ? values.randomElement(using: &rng) : nil
  }

  static func pick<T: CaseIterable>(_ rng: inout SplitMix64) -> T {
    Array(T.allCases).randomElement(using: &rng) ?? Array(T.allCases)[0]
  }

  static let edits = [
    Edit.poor, Edit.g3, Edit.noGrade, Edit.undifferentiated, Edit.liverFailure, Edit.pvt,
    Edit.bilio, Edit.ehdUnknown, Edit.ehdUnresectable, Edit.ehdResectable, Edit.sstrUnknown,
    Edit.sstrNegative, Edit.unfit, Edit.progressive, Edit.syndrome, Edit.inSitu, Edit.old,
    Edit.bulky, Edit.pancreas, Edit.duodenum, Edit.onSSA, Edit.ki67(12), Edit.ki67(16),
    Edit.ki67(60), Edit.involvement(71), Edit.age(70),
    Change("refractory syndrome") {
      $0.syndrome = true
      $0.onSSA = true
    },
  ]

  /// A case that satisfies every rule of section 1; a third start from the transplant-eligible
  /// baseline, because D8 needs all nine Milan criteria at once and uniform draws rarely meet
  /// them.
  static func facts(_ rng: inout SplitMix64) -> CaseFacts {
    if Int.random(in: 0..<3, using: &rng) == 0 {
      var facts = Fixtures.baseline
      facts.liver?.resectability = pick(&rng)
      for _ in 0..<Int.random(in: 0...6, using: &rng) {
        edits.randomElement(using: &rng)?.apply(&facts)
      }
      return facts
    }
    return uniformFacts(&rng)
  }

  static func uniformFacts(_ rng: inout SplitMix64) -> CaseFacts {
    let site: PrimarySite = pick(&rng)
    let status: PrimaryStatus = site == .unknown ? .unknown : pick(&rng)
    let extent = maybe(site.allowedExtents, &rng)
    var liver: CaseFacts.Liver?
    if Int.random(in: 0..<5, using: &rng) > 0 {
      let pattern: LiverPattern = pick(&rng)
      let resectability: Resectability =
        pattern == .disseminated
        ? [.debulkable, .none].randomElement(using: &rng) ?? .none
        : pick(&rng)
      let involvement = percents.filter { $0 > 0 }.randomElement(using: &rng) ?? 30
      liver = .init(pattern: pattern, involvementPercent: involvement, resectability: resectability)
    }
    let progressive = Bool.random(using: &rng)
    let months: [Double] = progressive ? [0, 3, 5] : [0, 5, 6, 12, 24]
    let contraindications = Contraindication.allCases.filter { _ in
      Int.random(in: 0..<4, using: &rng) == 0
    }.shuffled(using: &rng)
    return CaseFacts(
      id: Bool.random(using: &rng) ? "case" : nil, age: Int.random(in: 0...120, using: &rng),
      primary: .init(site: site, sizeCm: maybe(sizes, &rng), extent: extent, status: status),
      nodes: pick(&rng),
      pathology: .init(
        differentiation: pick(&rng), ki67: maybe(percents, &rng), mitoses: maybe(counts, &rng)),
      liver: liver, extrahepatic: pick(&rng), sstr: pick(&rng), syndrome: Bool.random(using: &rng),
      progressive: progressive, fitForSurgery: Bool.random(using: &rng),
      stableMonths: maybe(months, &rng), onSSA: Bool.random(using: &rng),
      contraindications: contraindications)
  }
}

@Suite("Properties over generated cases")
struct PropertyTests {
  static let count = 5000
  static let cases: [CaseFacts] = {
    var rng = SplitMix64(state: 0x6E65_6C6D)
    return (0..<count).map { _ in Generator.facts(&rng) }
  }()
  /// Every value of `rule` in section 5.
  static let rules = Set(
    ["D2a", "D1", "D2", "D3", "D2b", "D6", "D7", "D8"] + (0...4).map { "D4/S\($0)" }
      + (0...3).flatMap { ["D5/N\($0)", "D8/N\($0)", "D9/N\($0)"] })

  @Test("deterministic, and the lists obey the contract")
  func invariants() {
    for facts in Self.cases {
      let a = ClinicalEngine.assess(facts)
      #expect(a == ClinicalEngine.assess(facts))
      if let best = a.best {
        #expect(!a.contraindicated.contains(best), "\(facts)")
        #expect(!a.acceptable.contains(best), "\(facts)")
      }
      #expect(Set(a.acceptable).isDisjoint(with: a.contraindicated), "\(facts)")
      if a.best == .transplant || a.acceptable.contains(.transplant) {
        #expect(a.transplantEligible, "\(facts)")
      }
      #expect(a.transplantEligible == a.transplantFailures.isEmpty)
      #expect(a.transplantFailures == a.transplantFailures.sorted())
      for list in [a.acceptable.map(\.id), a.contraindicated.map(\.id), a.adjuncts.map(\.id)] {
        #expect(Set(list).count == list.count, "\(facts)")
      }
      #expect(Set(a.transplantFailures).count == a.transplantFailures.count)
      #expect((a.rule == nil) == (a.best == nil))
      if let rule = a.rule { #expect(Self.rules.contains(rule), "\(rule)") }
      if facts.liver == nil {
        #expect(a.rule == nil && a.acceptable.isEmpty && a.contraindicated.isEmpty)
        #expect(a.adjuncts.isEmpty && !a.transplantEligible)
      }
      if !Decision.taceBars(facts).isEmpty && facts.liver != nil {
        #expect(a.best != .tace && !a.acceptable.contains(.tace))
      }
      #expect(!a.trace.isEmpty)
      // A learner never sees a rule code alone: every line says why in words, and the
      // deciding rule's first line leads from the facts to the choice.
      for line in a.trace where line.topic == .treatment || line.topic == .adjuncts {
        #expect(line.text.count > 60, "\(line.text)")
      }
      if let rule = a.decisionRule {
        #expect(a.trace.first { $0.rule == .decision(rule) }?.text.contains("→") == true)
      }
      #expect(a.trace.filter { $0.rule == .milan }.count == 1)
    }
  }

  @Test("the generated cases reach every rule and branch")
  func coverage() {
    let seen = Set(Self.cases.compactMap { ClinicalEngine.assess($0).rule })
    #expect(seen == Self.rules)
  }

  @Test("the JSON object has exactly the section 5 keys, with the right types")
  func jsonShape() throws {
    for facts in Self.cases.prefix(1000) {
      let object = try JSONSerialization.jsonObject(with: ClinicalEngine.assess(facts).jsonData())
      let json = try #require(object as? [String: Any])
      #expect(Set(json.keys) == Set(Assessment.jsonKeys))
      for key in ["grade", "who2010", "stage", "lmType", "rule", "best"] {
        #expect(json[key] is String || json[key] is NSNull, "\(key)")
      }
      for key in ["t", "n", "m"] { #expect(json[key] is String, "\(key)") }
      let eligible = try #require(json["transplantEligible"] as? NSNumber)
      #expect(String(cString: eligible.objCType) == "c")
      for key in ["transplantFailures", "acceptable", "contraindicated", "adjuncts", "trace"] {
        #expect(json[key] as? [String] != nil, "\(key)")
      }
      #expect(json["trace"] as? [String] == ClinicalEngine.assess(facts).trace.map(\.text))
    }
  }

  @Test("generated cases survive a trip through JSON and the parser")
  func roundTrip() throws {
    for facts in Self.cases.prefix(1000) {
      let data = Fixtures.json(Fixtures.document(of: facts))
      let parsed = CaseFactsParser.parse(json: data)
      #expect(try parsed.get() == facts)
    }
  }
}
