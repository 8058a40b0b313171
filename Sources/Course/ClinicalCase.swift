import Clinical
import Identifiers

/// A clinical case: a patient's story told in stages, with questions after each stage.
///
/// Authors write the story, the options shown and teaching points; the answer to every step
/// comes from the clinical engine applied to the facts as they stand at that step.
public struct ClinicalCase: Sendable, Equatable, Codable {
  /// Unique across the course (`random:SEED` for a generated case).
  public var id: CaseID
  /// The title, as shown.
  public var title: String
  /// Topics, for search, progress and quizzes.
  public var tags: [String]
  /// Where the content comes from (author, journal, year).
  public var source: String
  /// The story's stages, in order.
  public var stages: [CaseStage]
  /// The file the case was read from; empty for a generated case.
  public var file: String

  /// Creates a value from its parts.
  public init(
    id: CaseID, title: String, tags: [String], source: String, stages: [CaseStage],
    file: String = ""
  ) {
    self.id = id
    self.title = title
    self.tags = tags
    self.source = source
    self.stages = stages
    self.file = file
  }

  /// Every step in the order it is asked.
  public var steps: [CaseStep] { stages.flatMap(\.steps) }

  /// The facts as the story ends (those of the last stage).
  public var finalFacts: CaseFacts? { stages.last?.facts }
}

/// One stage of the story: what the learner reads, the facts as they now stand, and the
/// questions asked about them.
public struct CaseStage: Sendable, Equatable, Codable {
  /// The title, as shown.
  public var title: String
  /// Paragraphs separated by blank lines.
  public var text: String
  /// The case facts once this stage is told.
  public var facts: CaseFacts
  /// The questions asked after this stage.
  public var steps: [CaseStep]

  /// Creates a value from its parts.
  public init(title: String, text: String, facts: CaseFacts, steps: [CaseStep]) {
    self.title = title
    self.text = text
    self.facts = facts
    self.steps = steps
  }
}

/// One question of a case.
public struct CaseStep: Sendable, Equatable, Codable {
  /// Unique within its case.
  public var id: String
  /// What is asked, and how it is answered.
  public var kind: CaseStepKind
  /// The facts the answer comes from: the stage's, or for a "what if" step the changed ones.
  public var facts: CaseFacts
  /// For a "what if" step: the change, in words ("age 45; primary resected").
  public var whatIf: String?
  /// The ids of the options shown, for kinds whose options the author chooses
  /// (`treatment`, `next_step`, `adjuncts`, `milan_failures`); empty means every value.
  public var options: [String]
  /// The author's teaching points, shown after the answer.
  public var points: String?
  /// Where the teaching points come from; the case's source when nil.
  public var source: String?

  /// Creates a value from its parts.
  public init(
    id: String, kind: CaseStepKind, facts: CaseFacts, whatIf: String? = nil,
    options: [String] = [], points: String? = nil, source: String? = nil
  ) {
    self.id = id
    self.kind = kind
    self.facts = facts
    self.whatIf = whatIf
    self.options = options
    self.points = points
    self.source = source
  }
}

/// What a step asks about.
public enum CaseStepKind: String, Sendable, CaseIterable, Codable {
  case grade
  case who2010
  case t
  case stage
  case lmType = "lm_type"
  case transplantEligible = "transplant_eligible"
  case milanFailures = "milan_failures"
  /// The next step in the algorithm (may be a work-up such as biopsy or staging).
  case nextStep = "next_step"
  /// The best treatment.
  case treatment
  case adjuncts
  // A "what if" step is written `kind: what_if` with `ask: KIND`; once loaded it carries the
  // asked kind and a `whatIf` description.

  /// Whether the learner picks several options.
  public var allowsSeveral: Bool { self == .milanFailures || self == .adjuncts }

  /// The question shown when the author gives none.
  public var question: String {
    switch self {
    case .grade: "What is the grade (ENETS/WHO 2010)?"
    case .who2010: "What is the WHO 2010 category?"
    case .t: "What is the T category (ENETS)?"
    case .stage: "What is the stage (ENETS)?"
    case .lmType: "Which type of liver involvement is this (Frilling)?"
    case .transplantEligible: "Is the patient a candidate for liver transplantation (Milan)?"
    case .milanFailures: "Which Milan criteria does the patient fail? Choose all that apply."
    case .nextStep: "What is the next step?"
    case .treatment: "What is the best treatment now?"
    case .adjuncts: "What should go with it? Choose all that apply."
    }
  }
}
