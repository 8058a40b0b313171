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

  /// The recap of `record` on `course`; it ends with a line break.
  public static func text(for record: LearnerRecord, course: Course) throws -> String {
    var text = ""
    try write(record, course: course) { text += $0 }
    return text
  }

  /// Hands the recap of `record` on `course` to `emit` a section at a time, so it is never
  /// held whole: with thousands of generated cases it runs to megabytes. The log is read
  /// once, and each generated case is generated once, however many of its steps were
  /// answered.
  public static func write(
    _ record: LearnerRecord, course: Course, to emit: (String) throws -> Void
  ) throws {
    let catalog = ItemCatalog(course: course)
    // Lesson questions and authored cases are bounded by the course; generated cases are not,
    // so theirs are kept apart, small.
    var latest: [ItemID: Answer] = [:]
    var generated = GeneratedCaseLog()
    try record.forEachEntry { entry in
      let item = entry.answer.item
      if item.rawValue.hasPrefix("case/" + CaseID.generatedPrefix),
        case .caseStep(let id, let step) = item.kind, id.isGenerated
      {
        generated.record(entry.answer, of: id, step: step)
      } else {
        latest[item] = entry.answer
      }
      // The latest run of each generated case the log records (it leaves the session file
      // once completed).
      for (id, progress) in entry.effects.cases where CaseID(id).isGenerated {
        if let progress { generated.record(progress, of: CaseID(id)) }
      }
    }
    var sections = 0
    func section(_ text: String) throws {
      try emit("\n\n" + text)
      sections += 1
    }
    try emit("# nelm recap: \(record.learner)\n\n" + notice)
    for lesson in course.lessons {
      let answered = lesson.questions.filter { latest[lesson.itemID(of: $0)] != nil }
      guard record.session?.lessons[lesson.id] != nil || !answered.isEmpty else { continue }
      try section(lessonSection(lesson, answered, latest, record.session))
    }
    var known = Set<ItemID>()
    var knownGenerated = 0
    let ids = caseIDs(record.session, latest.keys, generated.answeredCases)
    for id in ids {
      guard let clinicalCase = catalog.clinicalCase(id) else { continue }
      let progress = record.session?.cases[id.rawValue] ?? generated.progress(of: id)
      if id.isGenerated {
        var answered = Set<String>()
        for step in clinicalCase.steps where generated.answer(of: id, step: step.id) != nil {
          answered.insert(step.id)
        }
        knownGenerated += answered.count
        try section(
          caseSection(clinicalCase, progress) { generated.answer(of: id, step: $0.id) })
      } else {
        for step in clinicalCase.steps { known.insert(clinicalCase.itemID(of: step)) }
        try section(
          caseSection(clinicalCase, progress) { step in
            latest[clinicalCase.itemID(of: step)].map {
              GeneratedCaseLog.StepAnswer(outcome: $0.outcome, response: $0.response)
            }
          })
      }
    }
    if sections == 0 { try emit("\n\nNothing studied yet.") }
    let unknown =
      latest.keys.filter { item in
        !known.contains(item) && (item.isCaseStep || catalog.resolve(item) == nil)
      }.count + generated.answerCount - knownGenerated
    if unknown > 0 {
      try emit(
        "\n\n\(unknown) answered \(unknown == 1 ? "item is" : "items are") no longer in the course."
      )
    }
    try emit("\n")
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
  static func caseIDs(
    _ session: Session?, _ items: some Sequence<ItemID>, _ generated: [CaseID] = []
  ) -> [CaseID] {
    var ids = Set(session?.cases.keys.map { CaseID($0) } ?? [])
    for item in items {
      if let id = item.caseID { ids.insert(id) }
    }
    ids.formUnion(generated)
    return ids.sorted()
  }
}
