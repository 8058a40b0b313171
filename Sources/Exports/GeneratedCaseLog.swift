import Foundation
import Identifiers
import Progress

/// What the answer log says of the generated cases, kept small: every generated case has
/// items of its own, so a long history holds tens of thousands of them. Each case's latest
/// run and each step's latest answer are kept as the recap uses them (the outcome and the
/// options chosen), by small numbers rather than item ids, with the ids of steps and the
/// responses shared between cases.
struct GeneratedCaseLog {
  /// The latest answer to one step: what the recap shows of it.
  struct StepAnswer {
    /// The step's outcome, as logged.
    var outcome: Outcome?
    /// The option ids chosen.
    var response: [String]
  }

  /// A case's latest run, as its log line carried it.
  private struct Run {
    var position: Int
    var completed: Bool
    var outcomes: [(step: UInt32, outcome: Outcome)]
  }

  /// The cases with at least one answer, in the order they were first answered.
  private(set) var answeredCases: [CaseID] = []
  /// How many steps have an answer, all cases together.
  var answerCount: Int { answers.count }

  private var caseNumbers: [CaseID: UInt32] = [:]
  private var runs: [Run?] = []
  private var wasAnswered: [Bool] = []
  // A generated case's steps come from a few dozen ids: each is numbered once.
  private var stepNumbers: [String: UInt32] = [:]
  private var stepIDs: [String] = []
  private var answers: [UInt64: StepAnswer] = [:]
  // Most responses are one of a few option ids: one copy of each.
  private var responses: Set<[String]> = []

  /// Keeps `answer` as the latest to step `step` of `id`.
  mutating func record(_ answer: Answer, of id: CaseID, step: String) {
    let number = self.number(of: id)
    if !wasAnswered[Int(number)] {
      wasAnswered[Int(number)] = true
      answeredCases.append(id)
    }
    let response = responses.insert(answer.response).memberAfterInsert
    answers[key(number, stepNumber(step))] = StepAnswer(
      outcome: answer.outcome, response: response)
  }

  /// Keeps `progress` as the latest run of `id`.
  mutating func record(_ progress: CaseProgress, of id: CaseID) {
    let outcomes = progress.outcomes.map { (step: stepNumber($0.key), outcome: $0.value) }
    runs[Int(number(of: id))] = Run(
      position: progress.position, completed: progress.completed, outcomes: outcomes)
  }

  /// The latest answer to step `step` of `id`, if any.
  func answer(of id: CaseID, step: String) -> StepAnswer? {
    guard let number = caseNumbers[id], let step = stepNumbers[step] else { return nil }
    return answers[key(number, step)]
  }

  /// The latest run of `id` the log carries, as the session file would hold it (the
  /// recap reads its position, completion and outcomes only).
  func progress(of id: CaseID) -> CaseProgress? {
    guard let number = caseNumbers[id], let run = runs[Int(number)] else { return nil }
    var outcomes: [String: Outcome] = [:]
    for (step, outcome) in run.outcomes { outcomes[stepIDs[Int(step)]] = outcome }
    return CaseProgress(
      position: run.position, completed: run.completed, started: .distantPast,
      updated: .distantPast, outcomes: outcomes)
  }

  private mutating func number(of id: CaseID) -> UInt32 {
    if let number = caseNumbers[id] { return number }
    let number = UInt32(runs.count)
    caseNumbers[id] = number
    runs.append(nil)
    wasAnswered.append(false)
    return number
  }

  private mutating func stepNumber(_ step: String) -> UInt32 {
    if let number = stepNumbers[step] { return number }
    let number = UInt32(stepIDs.count)
    stepNumbers[step] = number
    stepIDs.append(step)
    return number
  }

  private func key(_ caseNumber: UInt32, _ step: UInt32) -> UInt64 {
    UInt64(caseNumber) << 32 | UInt64(step)
  }
}
