import Foundation

/// A sentence of a page with its key numbers marked for a cloze card, in Anki's syntax:
/// `Ki-67 of {{c1::3–20 %}} makes a NET G2.` (or `{{c1::answer::hint}}`).
///
/// Lessons mark sentences in a page's optional `cloze:` list (`Lessons/README.md`); the
/// Anki export turns each into a cloze note. `nelm lint` checks them with `problems(in:)`.
public struct ClozeSentence: Sendable, Equatable {
  /// One blanked-out part: `{{c1::3–20 %::range}}` has number 1, answer `3–20 %`, hint
  /// `range`.
  public struct Deletion: Sendable, Equatable {
    /// The card the part is hidden on: `c1` is card 1.
    public var number: Int
    /// The text hidden on that card.
    public var answer: String
    /// Shown in place of the answer; nil when there is none.
    public var hint: String?
  }

  /// The sentence as written, markup included.
  public var text: String
  /// Its marked parts, in reading order.
  public var deletions: [Deletion]

  /// The sentence when its markup is sound: at least one `{{cN::…}}`, every one closed,
  /// N a whole number from 1, a non-empty answer, and no `{{` or `}}` outside the markup.
  /// Otherwise the problem, worded for `nelm lint`.
  public static func parse(_ text: String) -> Result<ClozeSentence, ClozeProblem> {
    var deletions: [Deletion] = []
    var rest = Substring(text)
    while let open = rest.range(of: "{{") {
      if rest[..<open.lowerBound].contains("}}") { return .failure(.strayBraces) }
      guard let close = rest[open.upperBound...].range(of: "}}") else {
        return .failure(.unclosed)
      }
      let inside = rest[open.upperBound..<close.lowerBound]
      guard inside.first == "c", let marker = inside.range(of: "::"),
        let number = Int(inside[inside.index(after: inside.startIndex)..<marker.lowerBound]),
        number >= 1
      else { return .failure(.malformed(String(inside))) }
      let parts = inside[marker.upperBound...].components(separatedBy: "::")
      let answer = parts[0].trimmingCharacters(in: .whitespaces)
      guard !answer.isEmpty, parts.count <= 2, !answer.contains("{{") else {
        return .failure(.malformed(String(inside)))
      }
      let hint = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
      deletions.append(Deletion(number: number, answer: answer, hint: hint))
      rest = rest[close.upperBound...]
    }
    if rest.contains("}}") { return .failure(.strayBraces) }
    guard !deletions.isEmpty else { return .failure(.noDeletion) }
    return .success(ClozeSentence(text: text, deletions: deletions))
  }

  /// The lint problems of `sentence` on a page whose text is `pageText`: its markup, and
  /// every answer that the page does not state word for word (a cloze restates its page;
  /// it never brings a number of its own).
  static func problems(in sentence: String, pageText: String) -> [String] {
    switch parse(sentence) {
    case .failure(let problem): return [problem.message]
    case .success(let cloze):
      let page = oneLine(pageText)
      return cloze.deletions.filter { !page.contains(oneLine($0.answer)) }.map {
        "'\($0.answer)' is not in the page's text; a cloze restates its page"
      }
    }
  }
}

/// What is wrong with a cloze sentence's markup.
public enum ClozeProblem: Error, Sendable, Equatable {
  /// No `{{cN::…}}` at all.
  case noDeletion
  /// A `{{` without its `}}`.
  case unclosed
  /// A `}}` that closes nothing.
  case strayBraces
  /// Markup that is not `cN::answer` or `cN::answer::hint`; the text between the braces.
  case malformed(String)

  /// The message `nelm lint` prints.
  public var message: String {
    switch self {
    case .noDeletion: "no {{c1::…}} in the sentence; mark the key number to hide"
    case .unclosed: "a '{{' is not closed by '}}'"
    case .strayBraces: "a '}}' closes no '{{'"
    case .malformed(let inside):
      "'{{\(inside)}}' is not {{cN::answer}} or {{cN::answer::hint}} (N from 1)"
    }
  }
}

/// `text` with every run of blanks and line breaks made one space, as authors wrap lines.
private func oneLine(_ text: String) -> String {
  text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}
