import Clinical
import Course

extension CaseAssembler {
  /// How likely a kind of step is asked when the story allows it, by topic.
  private func weight(_ kind: CaseStepKind) -> Double {
    let row: (grading: Double, staging: Double, transplant: Double, treatment: Double) =
      switch kind {
      case .grade: (1, 0.5, 0.5, 0.4)
      case .who2010: (0.9, 0.3, 0.3, 0.2)
      case .t: (0.4, 1, 0.3, 0.3)
      case .stage: (0.4, 1, 0.3, 0.3)
      case .lmType: (0.4, 0.9, 0.5, 0.5)
      case .transplantEligible: (0.3, 0.3, 1, 0.4)
      case .milanFailures: (0.2, 0.2, 0.9, 0.3)
      case .adjuncts: (0.4, 0.4, 0.6, 0.9)
      case .nextStep, .treatment: (1, 1, 1, 1)
      }
    return switch topic {
    case .grading: row.grading
    case .staging: row.staging
    case .transplant: row.transplant
    case .treatment: row.treatment
    }
  }

  /// The steps after one stage, in a fixed order of kinds; `asked` keeps a finding from being
  /// asked twice in one case.
  mutating func stageSteps(
    _ segments: [StorySegment], facts: CaseFacts, last: Bool, asked: inout Set<CaseStepKind>
  ) -> [CaseStep] {
    let assessment = ClinicalEngine.assess(facts)
    var kinds: [CaseStepKind] = []
    func ask(_ kind: CaseStepKind, if allowed: Bool = true) {
      guard allowed, !asked.contains(kind), rng.chance(weight(kind)) else { return }
      kinds.append(kind)
    }
    if segments.contains(.pathology) {
      ask(.grade)
      // A poorly differentiated story already says NEC.
      ask(.who2010, if: patient.differentiation == .well)
    }
    if segments.contains(.staging) || last {
      ask(.t)
      ask(.stage)
    }
    ask(.lmType, if: segments.contains(.staging) || last || rng.chance(0.3))
    let workUp: Set<ClinicalOption> = [.biopsy, .sstrImaging]
    if let best = assessment.best, workUp.contains(best) { kinds.append(.nextStep) }
    if last {
      ask(.transplantEligible)
      ask(.milanFailures, if: !assessment.transplantEligible)
      if topic == .transplant && assessment.transplantEligible
        && !kinds.contains(.transplantEligible)
      {
        kinds.append(.transplantEligible)
      }
      if let best = assessment.best, !workUp.contains(best) { kinds.append(.treatment) }
      // An empty set is a fair answer now and then, not the usual one.
      ask(
        .adjuncts, if: !assessment.adjuncts.isEmpty || (assessment.best != nil && rng.chance(0.25)))
    }
    var steps: [CaseStep] = []
    for kind in kinds {
      asked.insert(kind)
      if let step = maker.step(kind, facts: facts) { steps.append(step) }
    }
    // Every stage asks something; the type of liver involvement is always known.
    if steps.isEmpty, let step = maker.step(.lmType, facts: facts) {
      asked.insert(.lmType)
      steps.append(step)
    }
    return steps
  }
}
