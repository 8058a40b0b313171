import Foundation

/// Words in a check that examine the tool instead of the medicine: nelm's name, "the engine",
/// its rule codes (`D7`, `D5/N0`, "branch S2") and its identifiers (`two_stage`, `lmType`).
///
/// A learner is examined on neuroendocrine liver metastases, not on nelm; lint reports every
/// check that mentions one of these. TNM's `N0`/`N1` are not rule codes: a branch is caught
/// only as `D5/N0` or "branch N0".
public enum ToolMention {
  private static let pattern = [
    #"\bnelm\b"#,
    #"\bengine\b"#,
    #"\bD(?:1|2a|2b|2|3|4|5|6|7|8|9)\b"#,
    #"\b[DNS]\d/"#,
    #"\b(?:branch|rule) [NS]\d\b"#,
    #"\b[a-z]+_[a-z_]+\b"#,
    #"\b[a-z]{2,}[A-Z][a-z]+\w*\b"#,
  ].joined(separator: "|")

  // Built once: the pattern is a constant and known to compile.
  nonisolated(unsafe) private static let expression = try? NSRegularExpression(pattern: pattern)

  /// The distinct words of `text` that mention the tool, in order of first appearance.
  public static func words(in text: String) -> [String] {
    guard let expression else { return [] }
    let range = NSRange(text.startIndex..., in: text)
    var found: [String] = []
    for match in expression.matches(in: text, range: range) {
      if let span = Range(match.range, in: text), !found.contains(String(text[span])) {
        found.append(String(text[span]))
      }
    }
    return found
  }

  /// The distinct words of a question (stem, options, explanations, hint) that mention the tool.
  public static func words(in question: Question) -> [String] {
    let parts =
      [question.stem, question.hint ?? "", question.explanation]
      + question.options.flatMap { [$0.text, $0.explanation] }
    return words(in: parts.joined(separator: "\n"))
  }
}
