import Clinical

/// One choice shown for a case step.
public struct CaseChoice: Sendable, Equatable {
  /// The value's id (`G2`, `cytoreduction`, `age_over_55`, `yes`).
  public var id: String
  /// What the learner reads.
  public var label: String

  /// Creates a value from its parts.
  public init(id: String, label: String) {
    self.id = id
    self.label = label
  }
}

/// The engine's answer to a case step, with the choices shown.
public struct CaseAnswerKey: Sendable, Equatable {
  /// Shown in this order, lettered a, b, c…
  public var choices: [CaseChoice]
  /// The ids that are right: one for single-answer kinds (the engine's first choice), the
  /// exact set for several-answer kinds (possibly empty: "none").
  public var correct: [String]
  /// Alternatives counted as right, for treatment steps.
  public var acceptable: [String]
  /// Choices shown that the engine contraindicates.
  public var contraindicated: [String]
  /// The engine's full result on the step's facts: the trace explains the answer.
  public var assessment: Assessment
}

/// Why a step has no answer key.
public enum CaseKeyProblem: Error, Sendable, Equatable {
  /// The facts leave the asked value unknown.
  case unknown(String)
  /// The shown options do not include an id the answer needs.
  case missingOption(String)
  /// An option id that is not a value of this kind.
  case unknownOption(String)

  /// A message for authors (used by `nelm lint`).
  public var message: String {
    switch self {
    case .unknown(let what): "the facts leave \(what) unknown"
    case .missingOption(let id): "the options do not include the engine's answer '\(id)'"
    case .unknownOption(let id): "option '\(id)' is not a value of this step kind"
    }
  }
}

extension MilanFailure {
  /// The id authors use in `milan_failures` options.
  public var id: String {
    switch self {
    case .noLiverMetastases: "no_liver_metastases"
    case .notLowGradeNET: "not_low_grade"
    case .primaryNotPortalDrained: "not_portal_drained"
    case .primaryNotResected: "primary_not_resected"
    case .liverInvolvementOver50: "involvement_over_50"
    case .stableUnder6Months: "stable_under_6_months"
    case .ageOver55: "age_over_55"
    case .extrahepaticDisease: "extrahepatic_disease"
    case .unfitForSurgery: "unfit_for_surgery"
    }
  }
}

extension CaseStep {
  /// The engine's answer on this step's facts, or why there is none.
  public func answerKey() -> Result<CaseAnswerKey, CaseKeyProblem> {
    let result = ClinicalEngine.assess(facts)
    func fixed(_ ids: [String], _ answer: String?, _ what: String, labels: [String: String] = [:])
      -> Result<CaseAnswerKey, CaseKeyProblem>
    {
      guard let answer else { return .failure(.unknown(what)) }
      let choices = ids.map { CaseChoice(id: $0, label: labels[$0] ?? $0) }
      return .success(
        CaseAnswerKey(
          choices: choices, correct: [answer], acceptable: [], contraindicated: [],
          assessment: result))
    }
    switch kind {
    case .grade:
      return fixed(Grade.allCases.map(\.rawValue), result.grade?.rawValue, "the grade")
    case .who2010:
      return fixed(
        WHO2010Category.allCases.map(\.rawValue), result.who2010?.rawValue,
        "the WHO 2010 category")
    case .t:
      let answer = result.t == .tx ? nil : result.t.rawValue
      return fixed(["T1", "T2", "T3", "T4"], answer, "the T category")
    case .stage:
      return fixed(Stage.allCases.map(\.rawValue), result.stage?.rawValue, "the stage")
    case .lmType:
      let labels = Dictionary(
        uniqueKeysWithValues: LiverMetastasisType.allCases.map {
          ($0.rawValue, "type \($0.rawValue) (\($0.laterName))")
        })
      return fixed(
        LiverMetastasisType.allCases.map(\.rawValue), result.lmType?.rawValue,
        "the liver-metastasis type", labels: labels)
    case .transplantEligible:
      return fixed(["yes", "no"], result.transplantEligible ? "yes" : "no", "eligibility")
    case .milanFailures:
      return severalKey(
        all: MilanFailure.allCases.map { CaseChoice(id: $0.id, label: $0.text) },
        answer: result.transplantFailures.map(\.id), result: result,
        emptyProblem: "which Milan criteria fail (the patient is eligible)")
    case .adjuncts:
      guard result.best != nil else { return .failure(.unknown("the treatment")) }
      return severalKey(
        all: Adjunct.allCases.map { CaseChoice(id: $0.id, label: $0.name) },
        answer: result.adjuncts.map(\.id), result: result, emptyProblem: nil)
    case .nextStep, .treatment:
      return treatmentKey(result)
    }
  }

  private func severalKey(
    all: [CaseChoice], answer: [String], result: Assessment, emptyProblem: String?
  ) -> Result<CaseAnswerKey, CaseKeyProblem> {
    if answer.isEmpty, let emptyProblem { return .failure(.unknown(emptyProblem)) }
    var choices = all
    if !options.isEmpty {
      if let stray = options.first(where: { id in !all.contains { $0.id == id } }) {
        return .failure(.unknownOption(stray))
      }
      choices = options.compactMap { id in all.first { $0.id == id } }
    }
    if let missing = answer.first(where: { id in !choices.contains { $0.id == id } }) {
      return .failure(.missingOption(missing))
    }
    return .success(
      CaseAnswerKey(
        choices: choices, correct: answer, acceptable: [], contraindicated: [],
        assessment: result))
  }

  private func treatmentKey(_ result: Assessment) -> Result<CaseAnswerKey, CaseKeyProblem> {
    guard let best = result.best else {
      return .failure(.unknown("the treatment (no liver metastases: outside the algorithm)"))
    }
    let all = ClinicalOption.allCases
    var choices: [CaseChoice] = []
    for id in options.isEmpty ? all.map(\.id) : options {
      guard let option = all.first(where: { $0.id == id }) else {
        return .failure(.unknownOption(id))
      }
      choices.append(CaseChoice(id: option.id, label: option.name))
    }
    guard choices.contains(where: { $0.id == best.id }) else {
      return .failure(.missingOption(best.id))
    }
    let shown = Set(choices.map(\.id))
    return .success(
      CaseAnswerKey(
        choices: choices, correct: [best.id],
        acceptable: result.acceptable.map(\.id).filter(shown.contains),
        contraindicated: result.contraindicated.map(\.id).filter(shown.contains),
        assessment: result))
  }
}
