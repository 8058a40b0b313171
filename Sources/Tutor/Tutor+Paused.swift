import Cases
import Course
import Identifiers
import Progress

extension Tutor {
  /// The greeting's line about a quiz or case left halfway, and how to go on with it.
  func pausedWork() -> [Block] {
    var blocks: [Block] = []
    if let quiz = session.quiz, Quiz.nextCase(quiz, session) != nil {
      let done = quiz.cases.filter { session.progress(of: $0)?.completed == true }.count
      let timed = quiz.timed ? "timed " : ""
      blocks.append(
        .text(
          "Your \(timed)quiz is paused after \(done) of \(quiz.cases.count) cases: `quiz` "
            + "resumes it.", .accent))
    }
    let inQuiz = Set(session.quiz?.cases ?? [])
    if let id = session.lastUnfinishedCase(), !inQuiz.contains(id),
      let (title, steps) = caseTitle(id)
    {
      let step = session.position(in: id) + 1
      blocks.append(
        .text(
          "You left the case “\(title)” at step \(step) of \(steps): "
            + "`case \(id)` resumes it.", .accent))
    }
    return blocks
  }

  /// The title and step count of case `id`: an authored one from the course's summary (the
  /// greeting does not wait for the course), a generated one generated.
  private func caseTitle(_ id: CaseID) -> (String, Int)? {
    if id.isGenerated {
      return CaseGenerator.generate(id).map { ($0.title, $0.steps.count) }
    }
    return context.provider.summary.clinicalCase(id: id).map { ($0.title, $0.stepCount) }
  }
}
