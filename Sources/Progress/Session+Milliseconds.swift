import Foundation

extension Session {
  /// This session with every date rounded to the millisecond, as it reads back from its file.
  ///
  /// `OpenSession.save` keeps this form, so the session in memory always equals the one a
  /// later `open` returns.
  public var roundedToMilliseconds: Session {
    var copy = self
    copy.created = created.roundedToMilliseconds
    copy.updated = updated.roundedToMilliseconds
    for (id, lesson) in lessons {
      copy.lessons[id]?.started = lesson.started.roundedToMilliseconds
      copy.lessons[id]?.updated = lesson.updated.roundedToMilliseconds
    }
    for (id, progress) in cases {
      copy.cases[id]?.started = progress.started.roundedToMilliseconds
      copy.cases[id]?.updated = progress.updated.roundedToMilliseconds
    }
    copy.quiz?.started = quiz?.started.roundedToMilliseconds ?? .distantPast
    for index in copy.answers.indices {
      copy.answers[index].at = answers[index].at.roundedToMilliseconds
    }
    return copy
  }
}
