import Cases
import Course
import Identifiers
import Progress

/// A readable recap of what a learner has done, in Markdown: each lesson studied with its
/// questions right or wrong (and, for the ones missed, the key, the explanation and the
/// source), then each case with the outcome of its steps and the teaching points.
///
/// An item's latest answer is the one that counts, as in the tutor's review. A case's steps
/// are those of its current run through, as the session file keeps them.
public enum MarkdownRecap {
  /// The notice at the top of every recap.
  public static let notice = """
    > nelm is a teaching tool built on Frilling et al., HPB 2010. It is not clinical decision
    > support: never use it to choose a treatment for a real patient.
    """

  /// The recap of `record` on `course`; it ends with a line break. The log is read once, and
  /// each generated case is generated once, however many of its steps were answered.
  public static func text(for record: LearnerRecord, course: Course) throws -> String {
    let catalog = ItemCatalog(course: course)
    var latest: [ItemID: Answer] = [:]
    // The latest run of each generated case the log records (it leaves the session file once
    // completed).
    var runs: [String: CaseProgress] = [:]
    try record.forEachEntry { entry in
      latest[entry.answer.item] = entry.answer
      for (id, progress) in entry.effects.cases where CaseID(id).isGenerated {
        if let progress { runs[id] = progress }
      }
    }
    var sections = ["# nelm recap: \(record.learner)", notice]
    for lesson in course.lessons {
      let answered = lesson.questions.filter { latest[lesson.itemID(of: $0)] != nil }
      guard record.session?.lessons[lesson.id] != nil || !answered.isEmpty else { continue }
      sections.append(lessonSection(lesson, answered, latest, record.session))
    }
    var known = Set<ItemID>()
    for id in caseIDs(record.session, latest.keys) {
      guard let clinicalCase = catalog.clinicalCase(id) else { continue }
      for step in clinicalCase.steps { known.insert(clinicalCase.itemID(of: step)) }
      sections.append(
        caseSection(clinicalCase, latest, record.session?.cases[id.rawValue] ?? runs[id.rawValue]))
    }
    if sections.count == 2 { sections.append("Nothing studied yet.") }
    let unknown = latest.keys.filter { item in
      !known.contains(item) && (item.isCaseStep || catalog.resolve(item) == nil)
    }.count
    if unknown > 0 {
      sections.append(
        "\(unknown) answered \(unknown == 1 ? "item is" : "items are") no longer in the course.")
    }
    return sections.joined(separator: "\n\n") + "\n"
  }

  static func lessonSection(
    _ lesson: Lesson, _ answered: [Question], _ latest: [ItemID: Answer], _ session: Session?
  ) -> String {
    let right = answered.filter { latest[lesson.itemID(of: $0)]?.correct == true }.count
    let status = session?.lessons[lesson.id]?.completed == true ? "Completed" : "In progress"
    var lines = [
      "## Lesson: \(lesson.title)", "",
      answered.isEmpty
        ? "\(status); no questions answered yet."
        : "\(status); \(right) of \(answered.count) answered questions right.",
    ]
    if !answered.isEmpty { lines.append("") }
    for question in answered {
      guard let answer = latest[lesson.itemID(of: question)] else { continue }
      let verdict = answer.correct ? "Right" : answer.skipped ? "Skipped" : "Wrong"
      lines.append("- **\(verdict).** \(Paragraphs.line(question.stem))")
      guard !answer.correct else { continue }
      func option(_ id: String) -> String {
        let text = question.options.first { $0.id == id }.map { Paragraphs.line($0.text) }
        // The option's words only: the shell shows options in a per-learner order, so the
        // course's own ids are not the letters the learner saw.
        return text ?? id
      }
      if !answer.skipped {
        lines.append("  - You answered: " + answer.response.map(option).joined(separator: "; "))
      }
      lines += [
        "  - Answer: " + question.key.sorted().map(option).joined(separator: "; "),
        "  - Why: " + Paragraphs.line(question.explanation),
        "  - Source: " + Paragraphs.line(question.source),
      ]
    }
    return lines.joined(separator: "\n")
  }

  /// The cases with a place in the session file or an answer in the log, sorted by id.
  static func caseIDs(_ session: Session?, _ items: some Sequence<ItemID>) -> [CaseID] {
    var ids = Set(session?.cases.keys.map { CaseID($0) } ?? [])
    for item in items {
      if let id = item.caseID { ids.insert(id) }
    }
    return ids.sorted()
  }
}
