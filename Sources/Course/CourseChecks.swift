/// The checks that need the whole course: ids and orders used twice.
enum CourseChecks {
  /// One problem for every lesson id, lesson order or question id already used by an earlier
  /// lesson or question, pointing at the later one and naming where the first is.
  static func duplicates(in lessons: [DecodedLesson]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var lessonIDs: [String: Located<String>] = [:]
    var orders: [Int: (lesson: String?, at: Located<Int>)] = [:]
    var questionIDs: [String: Located<String>] = [:]

    func report(_ message: String, at place: Located<some Any>) {
      diagnostics.append(
        Diagnostic(file: place.file, line: place.line, column: place.column, message: message))
    }

    for lesson in lessons {
      if let id = lesson.id {
        if let first = lessonIDs[id.value] {
          report("lesson id '\(id.value)' is already used at \(first.location)", at: id)
        } else {
          lessonIDs[id.value] = id
        }
      }
      if let order = lesson.order {
        if let first = orders[order.value] {
          let owner = first.lesson.map { " by lesson '\($0)'" } ?? ""
          report(
            "order \(order.value) is already used\(owner) at \(first.at.location)", at: order)
        } else {
          orders[order.value] = (lesson.id?.value, order)
        }
      }
      for id in lesson.questionIDs {
        if let first = questionIDs[id.value] {
          report("question id '\(id.value)' is already used at \(first.location)", at: id)
        } else {
          questionIDs[id.value] = id
        }
      }
    }
    return diagnostics
  }
}
