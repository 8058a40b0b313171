import Course
import Foundation

/// The state of an open case that is not worth saving: which case, when the step on screen
/// was shown, and whether its feedback is waiting for Enter. The position itself lives in the
/// session, so a case left halfway resumes at its next unanswered step.
struct CaseRun {
  var clinicalCase: ClinicalCase
  var shownAt: Date
  /// Feedback is on screen; Enter shows the next step.
  var awaitingContinue: Bool
  /// The case is part of the quiz in the session.
  var inQuiz: Bool
}

extension ClinicalCase {
  /// The stage that holds step `index` (counting every step of every stage), and the index
  /// of the step's first appearance in that stage.
  func stageIndex(ofStep index: Int) -> Int {
    var first = 0
    for (stageIndex, stage) in stages.enumerated() {
      if index < first + stage.steps.count { return stageIndex }
      first += stage.steps.count
    }
    return max(0, stages.count - 1)
  }

  /// Whether step `index` is the first one asked after its stage's story.
  func startsStage(_ index: Int) -> Bool {
    var first = 0
    for stage in stages {
      if index == first { return true }
      first += stage.steps.count
      if index < first { return false }
    }
    return false
  }

  /// The id under which answers to `step` are recorded.
  func itemID(of step: CaseStep) -> String { "case/\(id)/\(step.id)" }
}

/// Reads the few options of `case` and `quiz`: `--seed N`, `--topic T`, `--cases N`,
/// `--timed`.
struct CaseArguments: Equatable {
  var words: [String] = []
  var seed: UInt64?
  var topic: String?
  var count: Int?
  var timed = false

  static func parse(_ arguments: [String]) -> Result<CaseArguments, InputError> {
    var parsed = CaseArguments()
    var index = 0
    func value(_ name: String) -> Result<String, InputError> {
      index += 1
      guard index < arguments.count else {
        return .failure(InputError("\(name) needs a value."))
      }
      return .success(arguments[index])
    }
    while index < arguments.count {
      let word = arguments[index]
      switch word {
      case "--seed":
        guard case .success(let text) = value(word), let seed = UInt64(text) else {
          return .failure(InputError("--seed needs a whole number, e.g. --seed 42."))
        }
        parsed.seed = seed
      case "--topic":
        guard case .success(let text) = value(word), CaseGenerator.topics.contains(text) else {
          return .failure(
            InputError(
              "--topic needs one of: \(CaseGenerator.topics.joined(separator: ", ")).")
          )
        }
        parsed.topic = text
      case "--cases":
        guard case .success(let text) = value(word), let count = Int(text), (1...50).contains(count)
        else { return .failure(InputError("--cases needs a number from 1 to 50.")) }
        parsed.count = count
      case "--timed":
        parsed.timed = true
      default:
        if word.hasPrefix("--") { return .failure(InputError("Unknown option \(word).")) }
        parsed.words.append(word)
      }
      index += 1
    }
    return .success(parsed)
  }
}
