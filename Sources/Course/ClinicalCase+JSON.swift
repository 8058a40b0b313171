import Clinical

extension ClinicalCase {
  /// The step kinds in the order asked, as authors write them (`what_if` for a "what if").
  public var stepKinds: [String] {
    steps.map { $0.whatIf == nil ? $0.kind.rawValue : "what_if" }
  }

  /// The case as `nelm case list --json` lists it: id, title, tags and step kinds.
  public var summaryJSON: JSONValue {
    .object([
      .init("id", .string(id.rawValue)), .init("title", .string(title)),
      .init("tags", .texts(tags)), .init("stepKinds", .texts(stepKinds)),
    ])
  }

  /// The case as `nelm case show --json` prints it: its final facts, and every step with its
  /// facts, the options shown and the engine's key.
  public var showJSON: JSONValue {
    let steps = stages.flatMap { stage in stage.steps.map { Self.stepJSON($0, stage: stage) } }
    return .object([
      .init("id", .string(id.rawValue)), .init("title", .string(title)),
      .init("tags", .texts(tags)), .init("source", .string(source)),
      .init("facts", finalFacts?.jsonValue ?? .null),
      .init("steps", .array(steps)),
    ])
  }

  private static func stepJSON(_ step: CaseStep, stage: CaseStage) -> JSONValue {
    var members: [JSONValue.Member] = [
      .init("id", .string(step.id)), .init("kind", .string(step.kind.rawValue)),
    ]
    if let whatIf = step.whatIf { members.append(.init("whatIf", .string(whatIf))) }
    members += [.init("stage", .string(stage.title)), .init("facts", step.facts.jsonValue)]
    switch step.answerKey() {
    case .success(let key):
      let options = key.choices.map { choice in
        JSONValue.object([.init("id", .string(choice.id)), .init("label", .string(choice.label))])
      }
      members += [
        .init("options", .array(options)), .init("key", .texts(key.correct)),
        .init("acceptable", .texts(key.acceptable)), .init("rule", .text(key.assessment.rule)),
      ]
    case .failure(let problem):
      // Only a generated case can get here: an authored one with no key does not load.
      members += [
        .init("options", .array([])), .init("key", .array([])), .init("acceptable", .array([])),
        .init("rule", .text(ClinicalEngine.assess(step.facts).rule)),
        .init("problem", .string(problem.message)),
      ]
    }
    return .object(members)
  }
}
