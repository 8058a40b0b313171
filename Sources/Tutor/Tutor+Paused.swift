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
      let item = context.catalog.clinicalCase(id)
    {
      let step = session.position(in: id) + 1
      blocks.append(
        .text(
          "You left the case “\(item.title)” at step \(step) of \(item.steps.count): "
            + "`case \(id)` resumes it.", .accent))
    }
    return blocks
  }
}
