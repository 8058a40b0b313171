import Foundation
import Identifiers

/// The session file as a checkpoint: what it keeps, and how a log line brings it up to date.
extension Session {
  /// Whether the checkpoint keeps case `id`: a run with nothing answered is the same as no
  /// entry, and a completed generated case leaves (its log lines keep the run) unless it
  /// belongs to the quiz under way, whose summary reads it.
  static func keepsCase(_ id: String, _ progress: CaseProgress, quiz: QuizProgress?) -> Bool {
    if progress.isUntouched { return false }
    if progress.completed && CaseID(id).isGenerated {
      return quiz?.cases.contains(CaseID(id)) ?? false
    }
    return true
  }

  /// The session as the checkpoint writes it: dates rounded to the millisecond, and only the
  /// cases `keepsCase` keeps or `files` (what the files hold now) hold as they are (a
  /// version 2 file's completed generated cases, whose log lines carry no run).
  public func checkpointForm(keeping files: Session? = nil) -> Session {
    var copy = roundedToMilliseconds
    copy.cases = copy.cases.filter { id, progress in
      Session.keepsCase(id, progress, quiz: copy.quiz) || files?.cases[id] == progress
    }
    return copy
  }

  /// Whether `other`, written as a checkpoint, would hold what this session holds, whatever
  /// the two say of when they were last changed. `self` is what the files hold.
  public func holdsTheSame(as other: Session) -> Bool {
    var form = other.checkpointForm(keeping: self)
    form.updated = updated
    form.logBytes = logBytes
    return form == self
  }

  /// Brings the session up to date with one log line: counts the answer in its item, its day
  /// and the totals, takes the review state the line carries (an older line's is computed),
  /// and the places it carries.
  public mutating func apply(_ line: LoggedAnswer) {
    let answer = line.answer.roundedToMilliseconds
    record(answer)
    applyEffects(line.effects, of: answer)
  }

  /// The second half of `apply`: what the line carries besides the answer, for a session
  /// that already counts `answer` (rounded).
  mutating func applyEffects(_ effects: AnswerEffects, of answer: Answer) {
    let line = LoggedAnswer(answer, effects: effects)
    if let review = line.effects.review, answer.item.isReviewable {
      items[answer.item.rawValue]?.review = review.roundedToMilliseconds
    }
    for (id, progress) in line.effects.lessons { lessons[id] = progress?.roundedToMilliseconds }
    for (id, progress) in line.effects.cases { cases[id] = progress?.roundedToMilliseconds }
    var touched = Array(line.effects.cases.keys)
    if let quiz = line.effects.quiz {
      touched += ((self.quiz?.cases ?? []) + (quiz?.cases ?? [])).map(\.rawValue)
      self.quiz = quiz?.roundedToMilliseconds
    }
    for id in touched {
      if let progress = cases[id], !Session.keepsCase(id, progress, quiz: quiz) { cases[id] = nil }
    }
    if answer.at > updated { updated = answer.at }
  }

  /// What the log line of `answer` must carry so that applying it to this session (already
  /// counting the answer) gives `target`'s places: every lesson, case or quiz that differs,
  /// and, for a case step, its own case.
  func effects(of answer: Answer, reaching target: Session) -> AnswerEffects {
    var effects = AnswerEffects()
    effects.review = answer.item.isReviewable ? items[answer.item.rawValue]?.review : nil
    for id in Set(lessons.keys).union(target.lessons.keys) {
      let wanted = target.lessons[id]?.roundedToMilliseconds
      if lessons[id] != wanted { effects.lessons[id] = .some(wanted) }
    }
    let ownCase = answer.item.caseID?.rawValue
    for id in Set(cases.keys).union(target.cases.keys) {
      let wanted = target.cases[id]?.roundedToMilliseconds
      let kept = wanted.flatMap {
        Session.keepsCase(id, $0, quiz: target.quiz) || cases[id] == $0 ? $0 : nil
      }
      if cases[id] != kept || (id == ownCase && wanted != nil) {
        effects.cases[id] = .some(wanted)
      }
    }
    let quiz = target.quiz?.roundedToMilliseconds
    if self.quiz != quiz { effects.quiz = .some(quiz) }
    return effects
  }
}
