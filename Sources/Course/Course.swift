import Identifiers

/// The whole course: every lesson, in order.
public struct Course: Sendable, Equatable {
  /// Lessons sorted by `order`.
  public var lessons: [Lesson]
  /// Authored clinical cases (from `cases/`), sorted by id.
  public var cases: [ClinicalCase]
  /// The abbreviations of the course (from `glossary.yaml`), in the order written.
  public var glossary: [GlossaryEntry]
  /// Every paper the course cites, once (from `references.yaml`); empty without that file.
  public var references: [Reference]

  /// Creates a value from its parts.
  public init(
    lessons: [Lesson], cases: [ClinicalCase] = [], glossary: [GlossaryEntry] = [],
    references: [Reference] = []
  ) {
    self.lessons = lessons.sorted { $0.order < $1.order }
    self.cases = cases.sorted { $0.id < $1.id }
    self.glossary = glossary
    self.references = references
  }

  /// The authored case with this id.
  public func clinicalCase(id: CaseID) -> ClinicalCase? {
    cases.first { $0.id == id }
  }

  /// The lesson named by its id or by its 1-based number in the list.
  public func lesson(matching reference: String) -> Lesson? {
    if let number = Int(reference), number >= 1, number <= lessons.count {
      return lessons[number - 1]
    }
    return lessons.first { $0.id == reference }
  }
}
