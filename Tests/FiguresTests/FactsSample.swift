import Cases
import Clinical
import Course

/// Case facts for the tree's tests: every step of generated cases (the course's own
/// generator), and facts drawn field by field around a transplant-eligible baseline, so that
/// every rule and branch of the engine is reached.
enum FactsSample {
  /// The §5 example of ALGORITHM.md: decided by D7.
  static let reviewExample = CaseFacts(
    id: "review-example", age: 58,
    primary: .init(site: .ileum, sizeCm: 2, extent: .subserosa, status: .inSitu),
    nodes: .n1, pathology: .init(differentiation: .well, ki67: 12),
    liver: .init(
      pattern: .dominantWithSatellites, involvementPercent: 35, resectability: .debulkable),
    extrahepatic: .none, sstr: .positive, syndrome: true, progressive: true,
    fitForSurgery: true, onSSA: false)

  /// A transplant-eligible, completely resectable case (D6).
  static let baseline = CaseFacts(
    age: 50, primary: .init(site: .ileum, sizeCm: 0.8, extent: .mucosaSubmucosa, status: .resected),
    nodes: .n1, pathology: .init(differentiation: .well, ki67: 5, mitoses: 1),
    liver: .init(pattern: .single, involvementPercent: 30, resectability: .complete),
    extrahepatic: .none, sstr: .positive, syndrome: false, progressive: false,
    fitForSurgery: true, stableMonths: 12)

  /// The distinct facts of every case step of the generated cases with seeds `1...cases`,
  /// and `drawn` facts drawn from the baseline.
  static func facts(cases: Int = 30, drawn: Int = 300) -> [CaseFacts] {
    var all: [CaseFacts] = []
    for seed in 1...UInt64(cases) {
      // A case's steps share the facts of their stage: each set once.
      for facts in CaseGenerator.generate(seed: seed).steps.map(\.facts) where !all.contains(facts)
      {
        all.append(facts)
      }
    }
    var rng = SplitMix64(state: 0x6669_6775_7265)
    for _ in 0..<drawn { all.append(draw(&rng)) }
    return all + rareRows
  }

  /// Rows that random draws seldom reach, built directly: a refractory syndrome with a barred
  /// TACE in a transplant-eligible pancreatic case (D8/N3), and receptor-negative progressive
  /// pancreatic disease with unresectable extrahepatic disease (D4/S3).
  static let rareRows: [CaseFacts] = {
    var eligibleButPancreatic = baseline
    eligibleButPancreatic.primary = .init(site: .pancreas, status: .resected)
    eligibleButPancreatic.liver?.resectability = .none
    eligibleButPancreatic.syndrome = true
    eligibleButPancreatic.onSSA = true
    eligibleButPancreatic.contraindications = [.portalVeinThrombosis]
    var systemicPancreatic = baseline
    systemicPancreatic.primary = .init(site: .pancreas, status: .resected)
    systemicPancreatic.extrahepatic = .unresectable
    systemicPancreatic.sstr = .negative
    systemicPancreatic.progressive = true
    systemicPancreatic.stableMonths = 0
    return [eligibleButPancreatic, systemicPancreatic]
  }()

  /// The baseline with each fact redrawn with some probability.
  static func draw(_ rng: inout SplitMix64) -> CaseFacts {
    var facts = baseline
    func often() -> Bool { Int.random(in: 0..<3, using: &rng) == 0 }
    func rarely() -> Bool { Int.random(in: 0..<20, using: &rng) == 0 }
    let sites: [PrimarySite] = [.ileum, .pancreas, .duodenum, .rectum, .colon]
    if often() {
      facts.primary = .init(site: sites.randomElement(using: &rng) ?? .ileum, status: .resected)
    }
    if often() { facts.pathology.ki67 = [1, 5, 12, 16, 25, 60].randomElement(using: &rng) }
    if rarely() { facts.pathology.differentiation = .poor }
    if rarely() { facts.pathology = .init(differentiation: .well) }
    if rarely() { facts.pathology.differentiation = .unknown }
    if rarely() { facts.contraindications.append(.liverFailure) }
    if often() { facts.contraindications.append(.portalVeinThrombosis) }
    if rarely() { facts.extrahepatic = .unknown }
    if often() { facts.extrahepatic = .unresectable }
    if often() {
      facts.sstr = [.negative, .negative, .unknown].randomElement(using: &rng) ?? .negative
    }
    if often() { facts.fitForSurgery = false }
    if Bool.random(using: &rng) { facts.progressive = true }
    if Bool.random(using: &rng) { facts.syndrome = true }
    if Bool.random(using: &rng) { facts.onSSA = true }
    if Bool.random(using: &rng) {
      facts.liver?.resectability =
        [.debulkable, .none, .none, .none].randomElement(using: &rng) ?? .none
    }
    if often() { facts.liver?.involvementPercent = [45, 60, 80].randomElement(using: &rng) ?? 45 }
    if often() { facts.age = [60, 70].randomElement(using: &rng) ?? 60 }
    return facts
  }
}

/// SplitMix64: a small seeded generator, so every run sees the same facts.
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
