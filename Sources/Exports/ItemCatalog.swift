import Course

/// What an answer was given to: a check question of a lesson, or a step of a clinical case.
public enum CourseItem: Sendable, Equatable {
  /// A check question and its lesson.
  case question(Lesson, Question)
  /// A case step, its case, and its index among all the case's steps.
  case caseStep(ClinicalCase, CaseStep, index: Int)
}

/// Finds the course content behind the item ids of a learner's answers.
///
/// Ids are those of the answer log (`Docs/session-format.md`): `lessonID/questionID` for a
/// check question, `case/CASEID/STEPID` for a case step, where a generated case is
/// `random:SEED` or `random:SEED:TOPIC` and is generated again from its seed.
public struct ItemCatalog: Sendable {
  /// The course the ids refer to.
  public let course: Course

  /// A catalog of `course`.
  public init(course: Course) {
    self.course = course
  }

  /// The content of `item`, or nil when the course no longer has it.
  public func resolve(_ item: String) -> CourseItem? {
    var none: ClinicalCase?
    return resolve(item, reusing: &none)
  }

  /// The same, generating a generated case only when `generated` (the one generated last)
  /// is another: a generated case's steps are answered one after another, and generating
  /// it again for each would cost a case per line.
  public func resolve(_ item: String, reusing generated: inout ClinicalCase?) -> CourseItem? {
    let parts = item.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if parts.count == 3, parts[0] == "case" {
      var found: ClinicalCase?
      if parts[1].hasPrefix("random:") {
        if generated?.id != parts[1] { generated = clinicalCase(id: parts[1]) }
        found = generated
      } else {
        found = course.clinicalCase(id: parts[1])
      }
      guard let found,
        let index = found.steps.firstIndex(where: { $0.id == parts[2] })
      else { return nil }
      return .caseStep(found, found.steps[index], index: index)
    }
    guard parts.count == 2, let lesson = course.lessons.first(where: { $0.id == parts[0] }),
      let question = lesson.questions.first(where: { $0.id == parts[1] })
    else { return nil }
    return .question(lesson, question)
  }

  /// An authored case, or a generated one (`random:SEED` or `random:SEED:TOPIC`).
  public func clinicalCase(id: String) -> ClinicalCase? {
    if let authored = course.clinicalCase(id: id) { return authored }
    let parts = id.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard (2...3).contains(parts.count), parts[0] == "random", let seed = UInt64(parts[1])
    else { return nil }
    let topic = parts.count == 3 ? parts[2] : nil
    if let topic, !CaseGenerator.topics.contains(topic) { return nil }
    var generated = CaseGenerator.generate(seed: seed, topic: topic)
    generated.id = id
    return generated
  }
}

extension Lesson {
  /// The id under which answers to `question` are logged.
  func itemID(of question: Question) -> String { "\(id)/\(question.id)" }
}

extension ClinicalCase {
  /// The id under which answers to `step` are logged.
  func itemID(of step: CaseStep) -> String { "case/\(id)/\(step.id)" }
}
