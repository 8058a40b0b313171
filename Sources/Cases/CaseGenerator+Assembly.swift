import Clinical
import Course
import Identifiers

/// Turns a generated patient into a staged case: the order the story is told in, the text and
/// facts of each stage, and the steps asked after it.
struct CaseAssembler {
  let seed: UInt64
  let topic: CaseTopic
  let patient: GeneratedPatient
  /// The patient's parsed facts at each reveal, when known already.
  let facts: [GeneratedPatient.Reveal: CaseFacts]
  var rng: RandomSource
  var maker: CaseStepMaker
  var narrative: CaseNarrative

  init(
    seed: UInt64, topic: CaseTopic, patient: GeneratedPatient,
    facts: [GeneratedPatient.Reveal: CaseFacts] = [:]
  ) {
    self.seed = seed
    self.topic = topic
    self.patient = patient
    self.facts = facts
    rng = RandomSource(seed: seed, stream: 3)
    maker = CaseStepMaker(rng: RandomSource(seed: seed, stream: 4))
    let fromResection = patient.status == .resected && patient.isLowGrade
    narrative = CaseNarrative(
      patient: patient, rng: RandomSource(seed: seed, stream: 5),
      pathologyFromResection: fromResection)
  }

  /// The segments each stage tells, in order: two to four stages.
  private mutating func flow() -> [[StorySegment]] {
    if narrative.pathologyFromResection {
      return rng.pick(
        [
          [[.presentation, .pathology], [.staging], [.board]],
          [[.presentation, .pathology], [.staging, .board]],
          [[.presentation, .pathology, .staging], [.board]],
        ], or: [[.presentation, .pathology], [.staging, .board]])
    }
    var flows: [[[StorySegment]]] = [
      [[.presentation], [.pathology], [.staging], [.board]],
      [[.presentation], [.pathology], [.staging, .board]],
      [[.presentation], [.pathology, .staging, .board]],
    ]
    // A referral with the biopsy done; a poorly differentiated tumour would be decided in the
    // first stage.
    if patient.differentiation == .well {
      flows.append([[.presentation, .pathology, .staging], [.board]])
    }
    return rng.pick(flows, or: [[.presentation], [.pathology, .staging, .board]])
  }

  mutating func assemble() -> ClinicalCase {
    var plan = flow()
    var stages: [CaseStage] = []
    var revealed = GeneratedPatient.Reveal.presentation
    var asked: Set<CaseStepKind> = []
    var index = 0
    while index < plan.count {
      for segment in plan[index] {
        switch segment {
        case .presentation: revealed = .presentation
        case .pathology: revealed = .pathology
        case .staging: revealed = .staged
        case .board: revealed = revealed == .staged ? .board : revealed
        }
      }
      let facts =
        self.facts[revealed] ?? patient.facts(revealing: revealed) ?? CaseGenerator.fallbackFacts
      let rule = ClinicalEngine.assess(facts).decisionRule
      if index < plan.count - 1 && (rule == .d2 || rule == .d2a) {
        // The decision is made here: the board meets now and the work-up stops.
        plan[index].append(.board)
        plan.removeSubrange((index + 1)...)
      }
      let last = index == plan.count - 1
      var steps = stageSteps(plan[index], facts: facts, last: last, asked: &asked)
      if last, let whatIf = maker.whatIfStep(for: patient, at: revealed, base: facts, topic: topic)
      {
        steps.append(whatIf)
      }
      let title = Self.title(of: plan[index])
      stages.append(
        CaseStage(
          title: title, text: narrative.text(for: plan[index]), facts: facts, steps: steps))
      index += 1
    }
    return ClinicalCase(
      id: .generated(seed: seed), title: caseTitle(), tags: [topic.rawValue, "generated"],
      source: caseSource(stages.flatMap(\.steps)), stages: stages)
  }

  static func title(of segments: [StorySegment]) -> String {
    let names = segments.enumerated().map {
      $0.offset == 0 ? $0.element.title : $0.element.title.lowercased()
    }
    guard let last = names.last, names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " and " + last
  }

  private func caseTitle() -> String {
    let primary =
      switch patient.site {
      case .pancreas: "pancreatic"
      case .stomach: "gastric"
      case .duodenum: "duodenal"
      case .jejunum: "jejunal"
      case .ileum: "ileal"
      case .appendix: "appendiceal"
      case .colon: "colonic"
      case .rectum: "rectal"
      case .unknown: ""
      }
    let syndrome =
      switch patient.syndrome {
      case .carcinoid: ", carcinoid syndrome"
      case .vipoma: ", VIPoma"
      case .glucagonoma: ", glucagonoma"
      case .none: ""
      }
    let neoplasm =
      primary.isEmpty
      ? "neuroendocrine neoplasm of unknown primary" : "\(primary) neuroendocrine neoplasm"
    return "Generated case \(seed): \(neoplasm)\(syndrome), liver metastases"
  }

  private func caseSource(_ steps: [CaseStep]) -> String {
    var parts = [CaseStepMaker.caseSource]
    let kinds = Set(steps.map(\.kind))
    if !kinds.isDisjoint(with: [.grade, .who2010]) { parts.append("ENETS 2006/2007; WHO 2010") }
    if !kinds.isDisjoint(with: [.t, .stage]) { parts.append("ENETS TNM (Rindi 2006/2007)") }
    if !kinds.isDisjoint(with: [.lmType]) { parts.append("Frilling 2009 (growth patterns)") }
    if !kinds.isDisjoint(with: [.transplantEligible, .milanFailures]) {
      parts.append("Mazzaferro 2007 (Milan criteria)")
    }
    return parts.joined(separator: "; ")
  }
}
