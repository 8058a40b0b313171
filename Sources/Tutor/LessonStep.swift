import Course

/// One step of a lesson: the pages come first, then the check questions.
enum LessonStep: Equatable {
  case page(Int)
  case question(Int)
  case end

  init(position: Int, in lesson: Lesson) {
    if position < lesson.pages.count {
      self = .page(position)
    } else if position - lesson.pages.count < lesson.questions.count {
      self = .question(position - lesson.pages.count)
    } else {
      self = .end
    }
  }
}

extension Lesson {
  /// Pages plus questions.
  var stepCount: Int { pages.count + questions.count }
}
