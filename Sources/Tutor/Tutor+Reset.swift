import Course
import Foundation
import Progress

extension Tutor {
  /// `reset LESSON`: asks first, then forgets the learner's place in the lesson and the
  /// summaries of its questions. The answer log keeps every answer.
  mutating func resetCommand(_ arguments: [String]) -> Reply {
    guard arguments.count == 1, let reference = arguments.first else {
      return .error("Usage: reset ID|NUMBER (the lesson whose progress to forget)")
    }
    guard let lesson = course.lesson(matching: reference) else {
      return .error("No lesson '\(reference)'. `lessons` lists them (1–\(course.lessons.count)).")
    }
    activity = nil
    pendingReset = lesson.id
    return Reply([
      .text(
        "This forgets your place in “\(lesson.title)” and what you answered to its \(lesson.questions.count) questions (your answer log keeps every answer).",
        .accent),
      .text("Type `yes` to confirm; anything else keeps it.", .dim),
    ])
  }

  /// The line after `reset`: `yes` resets, anything else cancels.
  mutating func confirmReset(_ line: String, lessonID: String) -> Reply {
    guard ["yes", "y"].contains(line.lowercased()),
      let lesson = course.lessons.first(where: { $0.id == lessonID })
    else {
      return Reply([.text("Nothing changed.", .dim)])
    }
    context.updateSession { session in
      session.lessons[lesson.id] = nil
      for question in lesson.questions {
        session.items[lesson.itemID(of: question).rawValue] = nil
      }
    }
    return Reply([.text("“\(lesson.title)” starts afresh.", .good)], saveNeeded: true)
  }
}
