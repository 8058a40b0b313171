extension Session {
  /// The largest count or position a session keeps: a trillion, beyond what any learner can
  /// reach (an answer a second for 30,000 years), far enough below `Int.max` that sums over
  /// every item of a course cannot overflow.
  public static let countCeiling = 1_000_000_000_000

  /// Holds every count and position above `countCeiling` (a file edited by hand: near
  /// `Int.max`, one more answer would overflow) to the ceiling, and says which, so the
  /// learner is told rather than nelm trapping at the next answer.
  mutating func holdCountsToCeiling() -> [String] {
    var held: [String] = []
    func hold(_ value: inout Int, _ name: String) {
      guard value > Session.countCeiling else { return }
      held.append(
        "\(name) is \(value), more than nelm counts; it is kept at \(Session.countCeiling)")
      value = Session.countCeiling
    }
    hold(&answerCount, "answerCount")
    for id in lessons.keys.sorted() {
      guard var lesson = lessons[id] else { continue }
      hold(&lesson.position, "lessons.\(id).position")
      lessons[id] = lesson
    }
    for id in cases.keys.sorted() {
      guard var progress = cases[id] else { continue }
      hold(&progress.position, "cases.\(id).position")
      cases[id] = progress
    }
    // Most files hold no such item: look for one before copying each in order.
    let ceiling = Session.countCeiling
    let anyItemAbove = items.values.contains { record in
      guard record.attempts <= ceiling, record.correctCount <= ceiling else { return true }
      guard let review = record.review else { return false }
      return review.reps > ceiling || review.lapses > ceiling || (review.step ?? 0) > ceiling
    }
    for id in anyItemAbove ? items.keys.sorted() : [] {
      guard var record = items[id] else { continue }
      hold(&record.attempts, "items.\(id).attempts")
      hold(&record.correctCount, "items.\(id).correctCount")
      if var review = record.review {
        hold(&review.reps, "items.\(id).review.reps")
        hold(&review.lapses, "items.\(id).review.lapses")
        if var step = review.step {
          hold(&step, "items.\(id).review.step")
          review.step = step
        }
        record.review = review
      }
      items[id] = record
    }
    return held
  }
}
