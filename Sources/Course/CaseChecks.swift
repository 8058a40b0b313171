import Yams

/// The checks of a case step that need its kind and its facts, and the course-wide check of
/// case ids.
enum CaseChecks {
  /// Kinds whose choices are fixed by the engine: options written for them would be ignored.
  static let fixedKinds: [CaseStepKind] = [
    .grade, .who2010, .t, .stage, .lmType, .transplantEligible,
  ]
  /// Kinds that offer a handful of the engine's treatments: the author must choose them.
  static let optionsRequired: [CaseStepKind] = [.nextStep, .treatment]

  /// Reports options that do not fit the step's kind: present on a fixed kind, absent where
  /// required, or listed twice. Returns whether the options can be judged against the answer.
  static func checkOptions(_ draft: CaseStepDraft, log: inout DiagnosticLog) -> Bool {
    guard let kind = draft.kind else { return false }
    if draft.optionsMark != nil, fixedKinds.contains(kind) {
      log.report(
        "\(draft.name): kind \(kind.rawValue) takes no 'options'; its choices are fixed",
        at: draft.optionsMark)
      return false
    }
    if draft.optionsMark == nil, optionsRequired.contains(kind) {
      log.report(
        "missing key 'options' in \(draft.name); kind \(kind.rawValue) needs the options shown",
        at: draft.mark)
      return false
    }
    var seen: Set<String> = []
    var sound = true
    for id in draft.options ?? [] where !seen.insert(id).inserted {
      log.report("option '\(id)' is listed twice in \(draft.name)", at: mark(of: id, in: draft))
      sound = false
    }
    return sound
  }

  /// Reports a step the engine cannot answer on its facts, or whose options do not fit the
  /// engine's answer.
  static func checkAnswer(_ step: CaseStep, draft: CaseStepDraft, log: inout DiagnosticLog) {
    guard case .failure(let problem) = step.answerKey() else { return }
    switch problem {
    case .unknown:
      log.report(
        "\(draft.name) asks about something the facts leave unknown: \(problem.message)",
        at: draft.kindMark)
    case .missingOption:
      log.report("\(draft.name): \(problem.message)", at: draft.optionsMark)
    case .unknownOption(let id):
      log.report("\(draft.name): \(problem.message)", at: mark(of: id, in: draft))
    }
  }

  /// Where option `id` is first written in the step, else where its options start.
  private static func mark(of id: String, in draft: CaseStepDraft) -> Mark? {
    let item = draft.optionNodes.first { $0.scalar?.string == id }
    return item?.mark ?? draft.optionsMark
  }

  /// One problem for every case id already used by an earlier case file, at the later one.
  static func duplicates(in cases: [DecodedCase]) -> [Diagnostic] {
    var first: [String: Located<String>] = [:]
    var diagnostics: [Diagnostic] = []
    for id in cases.compactMap(\.id) {
      if let earlier = first[id.value] {
        diagnostics.append(
          Diagnostic(
            file: id.file, line: id.line, column: id.column,
            message: "case id '\(id.value)' is already used at \(earlier.location)"))
      } else {
        first[id.value] = id
      }
    }
    return diagnostics
  }
}
