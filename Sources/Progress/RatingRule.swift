/// How nelm rates an answer for the review scheduler, so that learners never grade
/// themselves: the rating follows from what the answer shows.
///
/// | the answer | rating |
/// |---|---|
/// | wrong or skipped | Again |
/// | right with a hint, or right after a long time (over 60 s for a check question, over 90 s for a case step) | Hard |
/// | right fast (under 15 s) on an item already in review, with at least one earlier right answer | Easy |
/// | right otherwise | Good |
///
/// The rules are checked in that order, so a hint makes a fast answer Hard. Case steps get
/// longer because they ask to weigh a whole patient. See `Docs/review-scheduling.md`.
public enum RatingRule {
  /// Above this, a right answer to a check question is Hard (60 s).
  public static let slowCheckQuestionMs = 60_000
  /// Above this, a right answer to a case step is Hard (90 s).
  public static let slowCaseStepMs = 90_000
  /// Below this, a right answer on an item in review is Easy (15 s).
  public static let fastAnswerMs = 15_000

  /// The rating of `answer`, given the item's record before it (nil for a first answer).
  public static func rating(for answer: Answer, previous: ItemRecord?) -> ReviewRating {
    guard answer.correct, !answer.skipped else { return .again }
    let slow = answer.item.isCaseStep ? slowCaseStepMs : slowCheckQuestionMs
    if answer.hintsUsed > 0 || answer.durationMs > slow { return .hard }
    if answer.durationMs < fastAnswerMs, let previous, previous.review?.phase == .review,
      previous.correctCount >= 1
    {
      return .easy
    }
    return .good
  }
}
