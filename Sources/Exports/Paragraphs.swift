import Foundation

/// Splits authored text into paragraphs, the way the lesson and case files write them.
///
/// Authors wrap long paragraphs over several lines and separate paragraphs with a blank line,
/// so within a paragraph a line break is only a space.
enum Paragraphs {
  /// The paragraphs of `text`, each on one line, without empty ones.
  static func of(_ text: String) -> [String] {
    var paragraphs: [String] = []
    var current: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty {
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        current = []
      } else {
        current.append(trimmed)
      }
    }
    if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
    return paragraphs
  }

  /// `text` on one line: its paragraphs joined by a space.
  static func line(_ text: String) -> String {
    of(text).joined(separator: " ")
  }

  /// The letter a learner types for the option at `index`: a, b, c…
  static func letter(_ index: Int) -> String {
    String(UnicodeScalar(UInt8(97 + index % 26)))
  }
}
