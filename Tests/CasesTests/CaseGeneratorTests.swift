import Clinical
import Course
import Foundation
import Identifiers
import Testing

@testable import Cases

@Suite("Generated cases")
struct CaseGeneratorTests {
  /// Two thousand cases over every topic and none; generated once for every test.
  static let cases: [ClinicalCase] = (0..<2000).map { (seed: UInt64) in
    let slot = Int(seed % 5)
    let topic = slot < CaseTopic.allCases.count ? CaseTopic.allCases[slot] : nil
    return CaseGenerator.generate(seed: seed, topic: topic)
  }

  static var steps: [CaseStep] { cases.flatMap(\.steps) }

  @Test("the same seed gives the same case")
  func sameSeed() {
    #expect(CaseGenerator.generate(seed: 42) == CaseGenerator.generate(seed: 42))
    for topic in CaseTopic.allCases {
      #expect(
        CaseGenerator.generate(seed: 7, topic: topic)
          == CaseGenerator.generate(seed: 7, topic: topic))
    }
  }

  @Test("the PRNG is SplitMix64, the same on every platform")
  func splitMix() {
    var rng = RandomSource(seed: 0)
    #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
    #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
  }

  /// Pins one case, so that a draw depending on the process (hash order, the standard
  /// library's shuffles) shows up; update it on purpose when the generator's draws change.
  @Test("seed 42 gives the same case on every machine and run")
  func golden() {
    let generated = CaseGenerator.generate(seed: 42)
    #expect(
      generated.title == "Generated case 42: appendiceal neuroendocrine neoplasm, liver metastases")
    #expect(
      generated.steps.map(\.id) == [
        "who2010", "next-step", "transplant-eligible", "treatment", "what-if-treatment",
      ])
    #expect(
      generated.steps.first { $0.kind == .treatment }?.options == [
        "prrt", "interferon", "chemo_tem", "resection", "tace",
      ])
    #expect(
      generated.stages.first?.text.hasPrefix("A 64-year-old man has lost weight and felt tired")
        == true)
  }

  @Test("a case told from the facts parsed for the draw is the case told from facts parsed again")
  func parsedFactsReused() {
    for seed in UInt64(0)..<300 {
      let topic = CaseTopic.allCases[Int(seed) % CaseTopic.allCases.count]
      var draws = RandomSource(seed: seed, stream: 2)
      let (patient, facts) = CaseGenerator.validPatient(topic, using: &draws)
      #expect(facts.count == GeneratedPatient.Reveal.allCases.count)
      var reusing = CaseAssembler(seed: seed, topic: topic, patient: patient, facts: facts)
      var parsingAgain = CaseAssembler(seed: seed, topic: topic, patient: patient)
      #expect(reusing.assemble() == parsingAgain.assemble(), "seed \(seed)")
    }
  }

  @Test("different seeds give different cases")
  func differentSeeds() {
    #expect(CaseGenerator.generate(seed: 1) != CaseGenerator.generate(seed: 2))
    let first = Self.cases.prefix(200)
    #expect(Set(first.map(\.id)).count == 200)
    #expect(Set(first.map { $0.stages.map(\.text).joined() }).count == 200)
  }

  @Test("id, title, tags and shape")
  func shape() {
    let generated = CaseGenerator.generate(seed: 42, topic: .transplant)
    #expect(generated.id == "random:42")
    #expect(generated.title.hasPrefix("Generated case 42: "))
    #expect(generated.tags.contains("transplant"))
    #expect(generated.source.hasPrefix("Frilling et al., HPB 2010, Figure 3 (reconstructed)"))
    for generated in Self.cases {
      #expect((2...4).contains(generated.stages.count), "\(generated.id)")
      #expect(generated.stages.allSatisfy { !$0.steps.isEmpty }, "\(generated.id)")
      #expect(CaseTopic.names.contains { generated.tags.contains($0) })
      #expect(Set(generated.steps.map(\.id)).count == generated.steps.count, "\(generated.id)")
      #expect(generated.steps.filter { $0.whatIf != nil }.count == 1, "\(generated.id)")
      #expect(generated.stages.last?.steps.last?.whatIf != nil, "\(generated.id)")
    }
  }

  @Test("every step has an answer key, and every stage's and step's facts parse")
  func everyStepAnswers() {
    for generated in Self.cases {
      for stage in generated.stages {
        #expect(Self.reparses(stage.facts), "\(generated.id) \(stage.title)")
      }
      for step in generated.steps {
        guard case .success = step.answerKey() else {
          Issue.record("\(generated.id) \(step.id): no answer key")
          continue
        }
        #expect(Self.reparses(step.facts), "\(generated.id) \(step.id)")
      }
    }
  }

  @Test("treatment steps show five options with the best; milan steps only when not eligible")
  func options() throws {
    for step in Self.steps {
      let key = try step.answerKey().get()
      switch step.kind {
      case .treatment, .nextStep:
        #expect(step.options.count == 5)
        #expect(Set(step.options).count == 5)
      case .milanFailures:
        #expect(!key.assessment.transplantEligible)
      case .adjuncts:
        #expect(Set(key.assessment.adjuncts.map(\.id)).isSubset(of: step.options))
      default: break
      }
    }
  }

  /// Serialises facts back to a document and parses them again: the generated facts must
  /// pass every check of ALGORITHM.md section 1.
  static func reparses(_ facts: CaseFacts) -> Bool {
    var primary: [String: Any] = [
      "site": facts.primary.site.rawValue, "status": facts.primary.status.rawValue,
    ]
    primary["sizeCm"] = facts.primary.sizeCm
    primary["extent"] = facts.primary.extent?.rawValue
    var pathology: [String: Any] = ["differentiation": facts.pathology.differentiation.rawValue]
    pathology["ki67"] = facts.pathology.ki67
    pathology["mitoses"] = facts.pathology.mitoses
    var object: [String: Any] = [
      "age": facts.age, "primary": primary, "nodes": facts.nodes.rawValue,
      "pathology": pathology, "extrahepatic": facts.extrahepatic.rawValue,
      "sstr": facts.sstr.rawValue, "syndrome": facts.syndrome, "progressive": facts.progressive,
      "fitForSurgery": facts.fitForSurgery, "liver": NSNull(),
      "contraindications": facts.contraindications.map(\.rawValue),
    ]
    if let liver = facts.liver {
      object["liver"] = [
        "pattern": liver.pattern.rawValue, "involvementPercent": liver.involvementPercent,
        "resectability": liver.resectability.rawValue,
      ]
    }
    object["stableMonths"] = facts.stableMonths
    if facts.onSSA { object["onSSA"] = true }
    return (try? CaseFactsParser.parse(object: object).get()) == facts
  }
}

extension CaseGeneratorTests {
  @Test("across the seeds, every rule, branch, adjunct and step kind occurs")
  func coverage() throws {
    var rules: [String: Int] = [:]
    var g3Choices: Set<ClinicalOption> = []
    var liverFailureChoices: Set<ClinicalOption> = []
    var adjuncts: Set<Adjunct> = []
    var kinds: Set<CaseStepKind> = []
    var whatIfKinds: Set<CaseStepKind> = []
    var onSSA = 0
    for step in Self.steps {
      let key = try step.answerKey().get()
      kinds.insert(step.kind)
      if step.whatIf != nil { whatIfKinds.insert(step.kind) }
      if step.facts.onSSA { onSSA += 1 }
      adjuncts.formUnion(key.assessment.adjuncts)
      guard step.kind == .treatment || step.kind == .nextStep, let rule = key.assessment.rule
      else { continue }
      rules[rule, default: 0] += 1
      if rule == "D2b", let best = key.assessment.best { g3Choices.insert(best) }
      if rule == "D2a", let best = key.assessment.best { liverFailureChoices.insert(best) }
    }
    let expected =
      ["D2a", "D1", "D2", "D3", "D2b", "D6", "D7", "D8"] + (0...4).map { "D4/S\($0)" }
      + (0...3).flatMap { ["D5/N\($0)", "D8/N\($0)", "D9/N\($0)"] }
    for rule in expected {
      #expect(rules[rule, default: 0] > 0, "rule \(rule) never decides a step")
    }
    #expect(Set(rules.keys) == Set(expected))
    #expect(g3Choices == [.resection, .prrt, .chemoStz, .chemoTem, .chemoPlatinum])
    #expect(liverFailureChoices == [.ssa, .supportiveCare])
    #expect(adjuncts == Set(Adjunct.allCases))
    #expect(kinds == Set(CaseStepKind.allCases))
    #expect(whatIfKinds.count >= 5)
    #expect(onSSA > 100)
  }

  @Test("every topic leans its own way")
  func topics() {
    func count(_ topic: String, _ kind: CaseStepKind) -> Int {
      Self.cases.filter { $0.tags.contains(topic) }.flatMap(\.steps).filter { $0.kind == kind }
        .count
    }
    #expect(count("grading", .grade) > count("treatment", .grade))
    #expect(count("staging", .t) > count("grading", .t))
    #expect(count("transplant", .transplantEligible) > count("staging", .transplantEligible))
    #expect(count("treatment", .adjuncts) > count("grading", .adjuncts))
    let eligible = Self.cases.filter {
      $0.tags.contains("transplant") && $0.finalFacts.map(ClinicalEngine.assess)?.rule == "D8"
    }
    #expect(eligible.count > 20)
  }

  @Test("the facts are plausible together")
  func plausibility() {
    for generated in Self.cases {
      for stage in generated.stages {
        let facts = stage.facts
        let grade = Grade.of(ki67: facts.pathology.ki67, mitoses: facts.pathology.mitoses)
        #expect((25...80).contains(facts.age))
        if grade == .g1 {
          #expect((facts.pathology.ki67 ?? 0) <= 2 && (facts.pathology.mitoses ?? 0) < 2)
        }
        if facts.pathology.differentiation == .poor { #expect(grade == .g3) }
        if let liver = facts.liver, liver.pattern == .disseminated {
          #expect(liver.resectability != .complete && liver.resectability != .twoStage)
          #expect(liver.involvementPercent >= 25)
        }
        if facts.progressive { #expect((facts.stableMonths ?? 0) < 6) }
        if let size = facts.primary.sizeCm {
          switch facts.primary.site {
          case .jejunum, .ileum: #expect((0.5...3).contains(size))
          case .pancreas: #expect((1...8).contains(size))
          default: #expect(size <= 5)
          }
        }
      }
    }
    let syndromes = Self.cases.filter { $0.finalFacts?.syndrome == true }
    let midgutOrPancreas = syndromes.filter {
      [.jejunum, .ileum, .pancreas, .unknown].contains($0.finalFacts?.primary.site)
    }
    #expect(Double(midgutOrPancreas.count) >= 0.9 * Double(syndromes.count))
    let contraindicated = Self.cases.filter { $0.finalFacts?.contraindications.isEmpty == false }
    #expect(contraindicated.count < Self.cases.count / 5)
  }

  @Test("the story is readable English that states the facts")
  func narrative() {
    for generated in Self.cases {
      let text = generated.stages.map(\.text).joined(separator: "\n\n")
      guard let first = generated.stages.first else { continue }
      #expect(first.text.contains("\(first.facts.age)"), "\(generated.id)")
      #expect(first.text.contains("man") || first.text.contains("woman"))
      for bad in ["nil", "Optional(", "  ", "..", " ,", "_", "insulinoma"] {
        #expect(!text.contains(bad), "\(generated.id): '\(bad)' in \(text)")
      }
      if let ki67 = generated.finalFacts?.pathology.ki67 {
        #expect(text.contains("Ki-67 index is \(GeneratedPatient.number(ki67)) %"))
      }
      // The story says NEC exactly when the tumour is poorly differentiated, and never names
      // a grade: the grade is asked, not told.
      let poor = generated.finalFacts?.pathology.differentiation == .poor
      #expect(text.contains("NEC") == poor, "\(generated.id)")
      #expect(!["G1", "G2", "G3"].contains { text.contains($0) }, "\(generated.id)")
      if generated.title.contains("insulinoma") { Issue.record("\(generated.id): insulinoma") }
    }
    let openings = Set(Self.cases.prefix(100).compactMap { $0.stages.first?.text.prefix(12) })
    #expect(openings.count > 10)
  }
}

extension CaseGeneratorTests {
  @Test("the story says in English whether the patient is on an SSA, where it matters")
  func somatostatinAnalogue() {
    var told = 0
    for generated in Self.cases {
      guard let facts = generated.finalFacts, let board = generated.stages.last?.text,
        facts.pathology.differentiation == .well, facts.liver != nil,
        Grade.of(ki67: facts.pathology.ki67, mitoses: facts.pathology.mitoses) != .g3
      else { continue }
      let drug = board.contains("octreotide") || board.contains("lanreotide")
      if facts.onSSA {
        #expect(drug && board.contains("injections"), "\(generated.id): \(board)")
        told += 1
      } else if facts.syndrome || facts.progressive {
        #expect(board.contains("has not yet had a somatostatin analogue"), "\(generated.id)")
      } else {
        #expect(!drug && !board.contains("somatostatin analogue"), "\(generated.id)")
      }
    }
    #expect(told > 100)
    let whatIfs = Self.steps.compactMap(\.whatIf).filter { $0.contains("somatostatin analogue") }
    #expect(whatIfs.count > 20)
    #expect(!whatIfs.contains { $0.contains("onSSA") })
  }
}
