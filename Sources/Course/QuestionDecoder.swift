import Yams

/// Reads one question of a lesson file and checks it: its keys, its options, and that its
/// `key` fits its options and its kind.
enum QuestionDecoder {
  static let questionKeys = [
    "id", "kind", "stem", "options", "key", "hint", "explanation", "source", "tags",
    "difficulty",
  ]
  static let optionKeys = ["id", "text", "explanation"]

  /// The question held by `node`, the `number`th of its lesson (1-based); records its id in
  /// `decoded` for the course-wide checks.
  static func decode(
    _ node: Node, number: Int, into decoded: inout DecodedLesson, log: inout DiagnosticLog
  ) -> Question? {
    let idNode = node.mapping?["id"]
    let name = node.mapping?.label("id").map { "question '\($0)'" } ?? "question \(number)"
    guard
      let record = RecordReader(node, kind: "question", name: name, keys: questionKeys, log: &log)
    else { return nil }

    let id = record.text("id", log: &log).flatMap {
      Identifier.check($0, what: "question id", at: idNode?.mark, log: &log)
    }
    if let id { decoded.questionIDs.append(Located(id, file: log.file, mark: idNode?.mark)) }
    let kind = record.text("kind", log: &log).flatMap { raw -> Question.Kind? in
      guard let kind = Question.Kind(rawValue: raw) else {
        let kinds = Question.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        log.report(
          "unknown kind '\(raw)' in \(name); expected one of: \(kinds)",
          at: record.optionalNode("kind")?.mark)
        return nil
      }
      return kind
    }
    let stem = record.text("stem", log: &log)
    let optionsNode = record.optionalNode("options")
    let options = record.list("options", nonEmpty: false, log: &log).map {
      OptionList.decode($0, question: name, log: &log)
    }
    let key = record.node("key", log: &log).flatMap { KeyList.read($0, log: &log) }
    let hint = record.optionalNode("hint").map { record.text(of: $0, key: "hint", log: &log) }
    let explanation = record.text("explanation", log: &log)
    let source = record.text("source", log: &log)
    let tags = record.texts("tags", nonEmpty: false, log: &log)
    let difficulty = record.integer("difficulty", log: &log).flatMap { difficulty -> Int? in
      guard (1...3).contains(difficulty.value) else {
        log.report("'difficulty' must be 1, 2 or 3; found \(difficulty.value)", at: difficulty.mark)
        return nil
      }
      return difficulty.value
    }

    let problemsBefore = log.entries.count
    if let kind, let options {
      OptionList.checkShape(options, kind: kind, question: name, at: optionsNode?.mark, log: &log)
      if let key {
        KeyList.check(key, options: options.ids, kind: kind, question: name, log: &log)
      }
    }
    guard log.entries.count == problemsBefore, let id, let kind, let stem,
      let options = options?.options, let key, let explanation, let source, let tags,
      let difficulty, hint != .some(nil)
    else { return nil }
    return Question(
      id: id, kind: kind, stem: stem, options: options, key: key.entries.map(\.id),
      hint: hint.flatMap { $0 }, explanation: explanation, source: source, tags: tags,
      difficulty: difficulty)
  }
}
