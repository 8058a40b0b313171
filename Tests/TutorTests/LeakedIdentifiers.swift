import Clinical
import Foundation

// The oracle the screen tests read with: it lives beside them, not in Clinical, because no
// learner-facing code needs it.
extension ClinicalWords {
  /// The ids a learner must never read, wherever they appear in `text`: snake_case values,
  /// camelCase fact names, dotted fact paths, the codes of the rules (`D2a`) anywhere, and
  /// those of their branches (`N2`, spelled as a node category is) opening a line or a bullet.
  static func leakedIdentifiers(in text: String) -> [String] {
    let patterns = [
      #"\b[a-z]+(?:_[a-z0-9]+)+\b"#, #"\b(?:onSSA|fitForSurgery|stableMonths|sizeCm)\b"#,
      #"\binvolvementPercent\b"#,
      #"\b(?:pathology|primary|liver)\.[a-z][A-Za-z0-9]*\b"#,
      #"(?<![A-Za-z0-9_])D[1-9][ab]?(?![A-Za-z0-9_])"#,
      #"(?m)(?:^|•)\s*(?:Rule\s+)?[NS][0-9]+[:,]"#,
    ]
    return patterns.flatMap { pattern -> [String] in
      guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
      let range = NSRange(text.startIndex..., in: text)
      return regex.matches(in: text, range: range).compactMap {
        Range($0.range, in: text).map { String(text[$0]) }
      }
    }
  }
}
