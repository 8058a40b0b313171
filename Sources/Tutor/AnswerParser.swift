import Course

/// Reads a learner's answer to a question or case step in the forms people type: letters
/// (`b`, `B)`, `b.`, `a c`, `ac`, `a,c`), `t`/`f` for true/false, `all` for several, or an
/// option's own words (`G1`, `III`, `two stage`), in any case. The answer is the options' ids.
enum AnswerParser {
  /// The outcome of reading a line as an answer.
  enum Result: Equatable {
    /// The ids of the options chosen, sorted.
    case answer([String])
    /// Looks like an answer but names options the question does not have.
    case invalid(String)
    /// Not an answer at all (probably a command).
    case notAnAnswer
  }

  /// Reads `line` as an answer to the options `shown`; `typedIDs` when the options' ids are
  /// words a learner may type (a case step's `in_situ`), not the course's letters.
  static func parse(_ line: String, for shown: ShownChoices, typedIDs: Bool = false) -> Result {
    let text = line.trimmingCharacters(in: .whitespaces).lowercased()
    guard !text.isEmpty else { return .notAnAnswer }
    if shown.isTrueFalse, let letter = ["t": "a", "f": "b"][text],
      let id = shown.id(ofLetter: letter)
    {
      return .answer([id])
    }
    if shown.allowsSeveral && text == "all" { return .answer(shown.choices.map(\.id).sorted()) }
    if text.count > 1 {
      let words = normalized(text)
      if let match = shown.choices.first(where: {
        normalized($0.label) == words || (typedIDs && normalized($0.id) == words)
      }) {
        return .answer([match.id])
      }
    }
    let pieces = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(stripMark)
    // One bare word longer than the option list is a command, not a run of letters.
    let letters: [String]
    if pieces.count == 1, let word = pieces.first, word.count > 1 {
      guard word.count <= shown.choices.count,
        word.allSatisfy({ $0.isLetter && $0.isASCII }),
        CommandHelp.named(word) == nil,
        word.allSatisfy({ shown.letters.contains(String($0)) })
      else { return .notAnAnswer }
      letters = word.map(String.init)
    } else {
      guard pieces.allSatisfy({ $0.count == 1 && $0.first?.isLetter == true }) else {
        return .notAnAnswer
      }
      letters = pieces
    }
    let unknown = letters.filter { !shown.letters.contains($0) }
    if !unknown.isEmpty {
      return .invalid(
        "'\(unknown.joined(separator: " "))' is not an option here; "
          + "answer with a letter \(shown.letterRange).")
    }
    let chosen = Set(letters.compactMap(shown.id(ofLetter:)))
    if !shown.allowsSeveral && chosen.count > 1 {
      return .invalid("This question has one answer: give a single letter.")
    }
    return .answer(chosen.sorted())
  }

  /// `b)` and `b.` read as `b`.
  private static func stripMark(_ piece: Substring) -> String {
    var word = String(piece)
    if word.count > 1, word.last == ")" || word.last == "." { word.removeLast() }
    return word
  }

  /// Lower case, `_` and `-` as spaces, runs of spaces as one, no final full stop.
  static func normalized(_ text: String) -> String {
    var words = text.lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 }
    if words.last == "." { words.removeLast() }
    return String(words).split(separator: " ").joined(separator: " ")
  }
}

extension ShownChoices {
  /// What a line at this question that is neither an answer nor a command is told.
  var howToAnswer: String {
    if isTrueFalse { return "Answer with t(rue) or f(alse), a or b; `reveal` shows the answer." }
    let several = allowsSeveral ? " (several: `a c`)" : ""
    return "Answer with a letter \(letterRange)\(several), or the option's words; "
      + "`reveal` shows the answer."
  }
}
