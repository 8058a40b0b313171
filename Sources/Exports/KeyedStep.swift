import Clinical
import Course

/// A case step with the engine's answer to it, and the words the exports show for both.
///
/// The shell shows a step as its stage's story, the "what if" change, the question and the
/// lettered choices, and explains the answer with the trace lines about the asked value;
/// the exports follow it so that a card or a recap reads like the tutor.
struct KeyedStep {
  let clinicalCase: ClinicalCase
  let step: CaseStep
  /// The step's index among all the case's steps.
  let index: Int
  let key: CaseAnswerKey

  /// The step with its key, or nil when the engine has none (the course lint reports that).
  init?(_ clinicalCase: ClinicalCase, _ step: CaseStep, index: Int) {
    guard case .success(let key) = step.answerKey() else { return nil }
    self.clinicalCase = clinicalCase
    self.step = step
    self.index = index
    self.key = key
  }

  /// The stages told before the step is asked: every stage up to and including its own.
  var storyStages: [CaseStage] {
    var first = 0
    var told: [CaseStage] = []
    for stage in clinicalCase.stages where first <= index {
      told.append(stage)
      first += stage.steps.count
    }
    return told
  }

  /// The question, after the "what if" change when there is one.
  var question: String {
    guard let whatIf = step.whatIf else { return step.kind.question }
    return "What if: \(whatIf)? \(step.kind.question)"
  }

  /// A choice as the learner saw it: `b) Liver resection`; an unknown id as it is.
  func label(_ id: String) -> String {
    guard let position = key.choices.firstIndex(where: { $0.id == id }) else { return id }
    return "\(Paragraphs.letter(position))) \(key.choices[position].label)"
  }

  /// The choice `id` in words, without a letter: the shell shows a step's choices in an order
  /// of each learner's own, so a recap names them by their words.
  func words(_ id: String) -> String {
    key.choices.first { $0.id == id }?.label ?? id
  }

  /// The right answer in words (`none` when nothing is right).
  var answerInWords: String {
    key.correct.isEmpty ? "none" : key.correct.map(words).joined(separator: "; ")
  }

  /// The lettered choices, in the order shown.
  var choiceLines: [String] { key.choices.map { label($0.id) } }

  /// The engine's answer in words: the right choices, or `none`.
  var answer: String {
    key.correct.isEmpty ? "none" : key.correct.map(label).joined(separator: "; ")
  }

  /// Alternatives the engine also accepts, in words (empty when there are none).
  var alsoAccepted: [String] { key.acceptable.map(label) }

  /// The trace lines that explain this kind of answer; the whole trace when none does.
  var reasons: [String] {
    let chosen = step.kind.reasons(in: key.assessment)
    return chosen.isEmpty ? key.assessment.trace.map(\.text) : chosen
  }

  /// The author's teaching points.
  var points: String? { step.points }

  /// Where the step's points come from: the step's own source, else the case's.
  var source: String { step.source ?? clinicalCase.source }
}
