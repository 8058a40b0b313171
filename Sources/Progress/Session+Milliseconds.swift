import Foundation

extension Session {
  /// The session with every date rounded to the millisecond, as the file stores them.
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
    if let quiz { copy.quiz?.started = quiz.started.roundedToMilliseconds }
    for (id, record) in items {
      copy.items[id]?.last = record.last?.roundedToMilliseconds
    }
    return copy
  }
}

extension Answer {
  /// The answer with its date rounded to the millisecond, as the log stores it.
  public var roundedToMilliseconds: Answer {
    var copy = self
    copy.at = at.roundedToMilliseconds
    return copy
  }
}
