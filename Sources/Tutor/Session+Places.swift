import Course
import Foundation
import Identifiers
import Progress

/// Where the learner is, read and moved through the course's own types (the session file keys
/// its records by the ids' strings).
extension Session {
  /// The learner's position in `lesson`: pages first, then questions; at most its step count.
  func position(in lesson: Lesson) -> Int {
    min(lessons[lesson.id]?.position ?? 0, lesson.stepCount)
  }

  /// The step at the learner's position in `lesson`.
  func step(in lesson: Lesson) -> LessonStep {
    LessonStep(position: position(in: lesson), in: lesson)
  }

  /// "page 3/6" or "question 2/12": where the learner is in `lesson`.
  func placeName(in lesson: Lesson) -> String {
    placeName(lessonID: lesson.id, pages: lesson.pages.count, questions: lesson.questions.count)
  }

  /// Moves the learner to `position` in `lesson` at `now`; past its last step the lesson is
  /// complete.
  mutating func setPosition(_ position: Int, in lesson: Lesson, at now: Date) {
    var progress = lessons[lesson.id] ?? LessonProgress(started: now, updated: now)
    progress.position = position
    progress.updated = now
    if position >= lesson.stepCount { progress.completed = true }
    lessons[lesson.id] = progress
  }

  /// Where the learner is in the case `id`, if it was ever opened.
  func progress(of id: CaseID) -> CaseProgress? { cases[id.rawValue] }

  /// The learner's place in the case `id`: the next unanswered step.
  func position(in id: CaseID) -> Int { progress(of: id)?.position ?? 0 }

  /// Replaces the progress of the case `id`.
  mutating func setProgress(_ progress: CaseProgress?, of id: CaseID) {
    cases[id.rawValue] = progress
  }

  /// What the learner has shown on `item`.
  func record(of item: ItemID) -> ItemRecord? { items[item.rawValue] }

  /// Questions of `lesson` whose latest answer is right, and how many were answered at all.
  func latestScore(of lesson: Lesson) -> (correct: Int, answered: Int) {
    var correct = 0
    var answered = 0
    for question in lesson.questions {
      guard let last = record(of: lesson.itemID(of: question))?.last else { continue }
      if last.correct { correct += 1 }
      if !last.skipped { answered += 1 }
    }
    return (correct, answered)
  }

  /// The unfinished lesson touched most recently, found in the course's summary (which the
  /// greeting has without waiting for the course).
  func lastUnfinishedLesson(of summary: () -> CourseSummary) -> CourseSummary.LessonEntry? {
    guard !lessons.isEmpty else { return nil }
    var latest: (lesson: CourseSummary.LessonEntry, updated: Date)?
    for lesson in summary().lessons {
      guard let progress = lessons[lesson.id],
        progress.position < lesson.pageCount + lesson.questionCount
      else { continue }
      // The first of equal dates wins, as in `max(by:)`.
      if let current = latest, progress.updated <= current.updated { continue }
      latest = (lesson, progress.updated)
    }
    return latest?.lesson
  }

  /// `placeName(in:)` for a lesson of the course's summary.
  func placeName(in lesson: CourseSummary.LessonEntry) -> String {
    placeName(lessonID: lesson.id, pages: lesson.pageCount, questions: lesson.questionCount)
  }

  private func placeName(lessonID: String, pages: Int, questions: Int) -> String {
    let position = min(lessons[lessonID]?.position ?? 0, pages + questions)
    if position < pages { return "page \(position + 1)/\(pages)" }
    if position - pages < questions { return "question \(position - pages + 1)/\(questions)" }
    return "the end"
  }

  /// The case touched most recently that still has steps to answer.
  func lastUnfinishedCase() -> CaseID? {
    cases.filter { !$0.value.completed }.max { $0.value.updated < $1.value.updated }
      .map { CaseID($0.key) }
  }
}
