import Identifiers

/// What the shell's greeting needs of the course — lesson and case titles, their step counts,
/// and which items the course has — kept apart from the course so that the greeting does not
/// wait for the whole course to be decoded (the checked cache holds it in a small part of its
/// own, read before the prompt).
public struct CourseSummary: Sendable, Equatable {
  /// One lesson: its title and how many pages and questions it has.
  public struct LessonEntry: Sendable, Equatable {
    /// The lesson's id.
    public var id: String
    /// Its title.
    public var title: String
    /// How many pages come before its questions.
    public var pageCount: Int
    /// How many check questions it has.
    public var questionCount: Int
  }

  /// One authored case: its title and how many steps it has.
  public struct CaseEntry: Sendable, Equatable {
    /// The case's id.
    public var id: String
    /// Its title.
    public var title: String
    /// How many steps it has.
    public var stepCount: Int
  }

  /// The lessons, in course order.
  public var lessons: [LessonEntry]
  /// The authored cases.
  public var cases: [CaseEntry]
  /// Every authored item (check questions and authored case steps), as recorded in sessions.
  public var items: Set<String>

  /// The summary of `course`.
  public init(_ course: Course) {
    lessons = course.lessons.map {
      LessonEntry(
        id: $0.id, title: $0.title, pageCount: $0.pages.count, questionCount: $0.questions.count)
    }
    cases = course.cases.map {
      CaseEntry(id: $0.id.rawValue, title: $0.title, stepCount: $0.steps.count)
    }
    var items = Set<String>()
    for lesson in course.lessons {
      for question in lesson.questions { items.insert(lesson.itemID(of: question).rawValue) }
    }
    for item in course.cases {
      for step in item.steps { items.insert(item.itemID(of: step).rawValue) }
    }
    self.items = items
  }

  /// The authored case `id`, if the course has it.
  public func clinicalCase(id: CaseID) -> CaseEntry? {
    cases.first { $0.id == id.rawValue }
  }
}
