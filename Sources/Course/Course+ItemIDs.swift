import Identifiers

extension Lesson {
  /// The id under which answers to `question` are recorded.
  public func itemID(of question: Question) -> ItemID {
    .question(lesson: id, question: question.id)
  }
}

extension ClinicalCase {
  /// The id under which answers to `step` are recorded.
  public func itemID(of step: CaseStep) -> ItemID { .caseStep(id, step: step.id) }
}
