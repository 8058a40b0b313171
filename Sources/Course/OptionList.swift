import Yams

/// The options of one question as read, with what the shape checks need even when some
/// option is broken.
struct OptionList {
  /// How many items the `options` list has.
  var count: Int
  /// The well-formed option ids, in order, each once.
  var ids: [String]
  /// Every option, or nil when any of them has a problem.
  var options: [Option]?

  /// Reads the items of an `options` list of `question` (`question 'x'`).
  static func decode(_ nodes: [Node], question: String, log: inout DiagnosticLog) -> OptionList {
    var ids: [String] = []
    var firstLines: [String: Int] = [:]
    var options: [Option?] = []
    for (index, node) in nodes.enumerated() {
      let idNode = node.mapping?["id"]
      let name =
        node.mapping?.label("id").map { "option '\($0)' of \(question)" }
        ?? "option \(index + 1) of \(question)"
      guard
        let record = RecordReader(
          node, kind: "option", name: name, keys: QuestionDecoder.optionKeys, log: &log)
      else {
        options.append(nil)
        continue
      }
      var id = record.text("id", log: &log)
      if let candidate = id {
        let line = idNode?.mark?.line ?? 1
        if !Identifier.isOptionID(candidate) {
          log.report("option id '\(candidate)' must be one lower-case letter", at: idNode?.mark)
          id = nil
        } else if let first = firstLines[candidate] {
          log.report(
            "duplicate option id '\(candidate)' in \(question); first at line \(first)",
            at: idNode?.mark)
          id = nil
        } else {
          firstLines[candidate] = line
          ids.append(candidate)
        }
      }
      let text = record.text("text", log: &log)
      let explanation = record.text("explanation", log: &log)
      if let id, let text, let explanation {
        options.append(Option(id: id, text: text, explanation: explanation))
      } else {
        options.append(nil)
      }
    }
    return OptionList(count: nodes.count, ids: ids, options: options.allPresent())
  }

  /// Reports a list that does not fit `kind`: too few options for a choice, or anything but
  /// `a: True, b: False` for a true/false question. `mark` is the `options` value's.
  static func checkShape(
    _ list: OptionList, kind: Question.Kind, question: String, at mark: Mark?,
    log: inout DiagnosticLog
  ) {
    switch kind {
    case .single, .multiple:
      if list.count < 2 {
        log.report(
          "\(question) is \(kind.rawValue) and needs at least 2 options; it has \(list.count)",
          at: mark)
      }
    case .trueFalse:
      let expected = [["a", "True"], ["b", "False"]]
      let isWellFormed = list.options.map { $0.map { [$0.id, $0.text] } == expected }
      // A broken option was reported already; judge the shape only by what can be known.
      if isWellFormed == false || (isWellFormed == nil && list.count != 2) {
        log.report(
          "\(question) is truefalse, so its options must be exactly a: True and b: False",
          at: mark)
      }
    }
  }
}
