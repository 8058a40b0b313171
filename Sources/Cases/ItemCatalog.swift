import Course
import Identifiers

/// What an answer was given to: a check question of a lesson, or a step of a clinical case.
public enum CourseItem: Sendable, Equatable {
  /// A check question and its lesson.
  case question(Lesson, Question)
  /// A case step, its case, and its index among all the case's steps.
  case caseStep(ClinicalCase, CaseStep, index: Int)
}

/// Finds the course content behind case and item ids: an authored case in the course, a
/// generated one made again from its seed, and the question or case step an answer names.
public struct ItemCatalog: Sendable {
  /// The course the ids refer to.
  public let course: Course

  /// A catalog of `course`.
  public init(course: Course) {
    self.course = course
  }

  /// The content of `item`, or nil when the course no longer has it.
  public func resolve(_ item: ItemID) -> CourseItem? {
    var none: ClinicalCase?
    return resolve(item, reusing: &none)
  }

  /// The same, generating a generated case only when `generated` (the one generated last)
  /// is another: a generated case's steps are answered one after another, and generating
  /// it again for each would cost a case per line.
  public func resolve(_ item: ItemID, reusing generated: inout ClinicalCase?) -> CourseItem? {
    switch item.kind {
    case .caseStep(let caseID, let stepID):
      var found: ClinicalCase?
      if caseID.isGenerated {
        if generated?.id != caseID { generated = clinicalCase(caseID) }
        found = generated
      } else {
        found = course.clinicalCase(id: caseID)
      }
      guard let found,
        let index = found.steps.firstIndex(where: { $0.id == stepID })
      else { return nil }
      return .caseStep(found, found.steps[index], index: index)
    case .question(let lessonID, let questionID):
      guard let lesson = course.lessons.first(where: { $0.id == lessonID }),
        let question = lesson.questions.first(where: { $0.id == questionID })
      else { return nil }
      return .question(lesson, question)
    case nil:
      return nil
    }
  }

  /// An authored case, or a generated one (`random:SEED` or `random:SEED:TOPIC`).
  public func clinicalCase(_ id: CaseID) -> ClinicalCase? {
    course.clinicalCase(id: id) ?? CaseGenerator.generate(id)
  }
}
