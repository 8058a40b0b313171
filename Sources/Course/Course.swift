/// The whole course: every lesson, in order.
public struct Course: Sendable, Equatable {
  /// Lessons sorted by `order`.
  public var lessons: [Lesson]

  public init(lessons: [Lesson]) {
    self.lessons = lessons.sorted { $0.order < $1.order }
  }

  /// The lesson named by its id or by its 1-based number in the list.
  public func lesson(matching reference: String) -> Lesson? {
    if let number = Int(reference), number >= 1, number <= lessons.count {
      return lessons[number - 1]
    }
    return lessons.first { $0.id == reference }
  }
}
