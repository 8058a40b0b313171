import Course

/// Reads a learner's answer to a check question: `b`, `a c`, `ac`, `a,c`, `true`, `f`.
enum AnswerParser {
  /// The outcome of reading a line as an answer.
  enum Result: Equatable {
    case answer([String])
    /// Looks like an answer but names options the question does not have.
    case invalid(String)
    /// Not an answer at all (probably a command).
    case notAnAnswer
  }

  static func parse(_ line: String, for question: QuestionView) -> Result {
    let text = line.trimmingCharacters(in: .whitespaces).lowercased()
    guard !text.isEmpty else { return .notAnAnswer }
    if question.isTrueFalse {
      switch text {
      case "t", "true", "a": return .answer(["a"])
      case "f", "false", "b": return .answer(["b"])
      default: break
      }
    }
    let pieces = text.split(whereSeparator: { $0 == " " || $0 == "," })
    // One bare word longer than the option list is a command, not a run of letters.
    let letters: [String]
    if pieces.count == 1, let word = pieces.first, word.count > 1 {
      guard word.count <= question.optionIDs.count,
        word.allSatisfy({ $0.isLetter && $0.isASCII }),
        CommandHelp.named(String(word)) == nil,
        word.allSatisfy({ question.optionIDs.contains(String($0)) })
      else { return .notAnAnswer }
      letters = word.map(String.init)
    } else {
      guard pieces.allSatisfy({ $0.count == 1 && $0.first?.isLetter == true }) else {
        return .notAnAnswer
      }
      letters = pieces.map(String.init)
    }
    let unknown = letters.filter { !question.optionIDs.contains($0) }
    if !unknown.isEmpty {
      let list = question.optionIDs.joined(separator: ", ")
      return .invalid(
        "'\(unknown.joined(separator: " "))' is not an option here; choose from \(list).")
    }
    let chosen = Array(Set(letters)).sorted()
    if !question.allowsSeveral && chosen.count > 1 {
      return .invalid("This question has one answer: give a single letter.")
    }
    return .answer(chosen)
  }
}

/// What the answer parser needs to know of a question.
struct QuestionView {
  var optionIDs: [String]
  var allowsSeveral: Bool
  var isTrueFalse: Bool
}
