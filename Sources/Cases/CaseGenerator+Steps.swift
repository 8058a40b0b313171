import Clinical
import Course

/// Makes the steps of a generated case: options drawn around the engine's answer, and only
/// steps that have an answer key. Their explanation is the engine's trace, as for every step.
struct CaseStepMaker {
  var rng: RandomSource
  private var usedIDs: Set<String> = []

  static let caseSource =
    "Frilling et al., HPB 2010, Figure 3 (reconstructed)"

  init(rng: RandomSource) {
    self.rng = rng
  }

  /// The step, or nil when the engine has no answer for it on these facts.
  mutating func step(
    _ kind: CaseStepKind, facts: CaseFacts, whatIf: String? = nil
  ) -> CaseStep? {
    probe(kind, facts: facts, whatIf: whatIf).map { commit($0) }
  }

  /// Like ``step(_:facts:whatIf:)``, but does not take the step's id yet.
  mutating func probe(_ kind: CaseStepKind, facts: CaseFacts, whatIf: String?) -> CaseStep? {
    let assessment = ClinicalEngine.assess(facts)
    let options: [String]
    switch kind {
    case .treatment, .nextStep: options = treatmentOptions(assessment)
    case .adjuncts: options = adjunctOptions(assessment)
    case .milanFailures: options = milanOptions(assessment)
    default: options = []
    }
    let base = GeneratedStepName.base(kind, whatIf: whatIf != nil)
    var id = base
    var number = 2
    while usedIDs.contains(id) {
      id = "\(base)-\(number)"
      number += 1
    }
    let step = CaseStep(
      id: id, kind: kind, facts: facts, whatIf: whatIf, options: options,
      points: Self.points(kind, assessment), source: Self.source(kind))
    guard case .success = step.answerKey() else { return nil }
    return step
  }

  /// Takes the id of a probed step.
  mutating func commit(_ step: CaseStep) -> CaseStep {
    usedIDs.insert(step.id)
    return step
  }

  /// Five options: the best, some acceptable and contraindicated ones, then distractors.
  private mutating func treatmentOptions(_ a: Assessment) -> [String] {
    guard let best = a.best else { return [] }
    var chosen: [ClinicalOption] = [best]
    chosen += rng.sample(a.acceptable, count: rng.int(in: 1...2))
    chosen += rng.sample(a.contraindicated, count: rng.int(in: 1...2))
    let workUp: Set<ClinicalOption> = [.biopsy, .sstrImaging]
    // A work-up is a fair distractor only while the work-up is under way.
    let pool = ClinicalOption.allCases.filter {
      !chosen.contains($0) && (workUp.contains(best) || !workUp.contains($0) || rng.chance(0.3))
    }
    chosen += rng.sample(pool, count: 5 - chosen.count)
    return rng.shuffle(chosen).map(\.id)
  }

  private mutating func adjunctOptions(_ a: Assessment) -> [String] {
    let others = Adjunct.allCases.filter { !a.adjuncts.contains($0) }
    let total = min(Adjunct.allCases.count, max(5, a.adjuncts.count + 2))
    let chosen = a.adjuncts + rng.sample(others, count: total - a.adjuncts.count)
    return rng.shuffle(chosen).map(\.id)
  }

  private mutating func milanOptions(_ a: Assessment) -> [String] {
    let others = MilanFailure.allCases.filter { !a.transplantFailures.contains($0) }
    let total = max(6, a.transplantFailures.count + 2)
    let chosen =
      a.transplantFailures + rng.sample(others, count: total - a.transplantFailures.count)
    return rng.shuffle(chosen).map(\.id)
  }

  /// The teaching point of a generated step, beyond the trace lines that explain every answer
  /// (`CaseStepKind.reasons(in:)`): only that no adjunct applies, when none does.
  static func points(_ kind: CaseStepKind, _ a: Assessment) -> String? {
    guard kind == .adjuncts, kind.reasons(in: a).isEmpty else { return nil }
    return "No adjunct applies to \(a.best?.name ?? "this decision") on these facts."
  }

  static func source(_ kind: CaseStepKind) -> String {
    switch kind {
    case .grade, .who2010: "Rindi et al., Virchows Arch 2006/2007 (ENETS); WHO 2010"
    case .t, .stage: "Rindi et al., Virchows Arch 2006/2007 (ENETS TNM)"
    case .lmType: "Frilling et al., Br J Surg 2009 (growth patterns; definitions unverified)"
    case .transplantEligible, .milanFailures:
      "Mazzaferro et al., J Hepatol 2007 (Milan criteria)"
    case .nextStep, .treatment, .adjuncts: caseSource
    }
  }
}
