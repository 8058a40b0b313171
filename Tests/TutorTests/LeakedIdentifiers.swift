import Clinical
import Foundation

// The oracle the screen tests read with: it lives beside them, not in Clinical, because no
// learner-facing code needs it.
extension ClinicalWords {
  /// The ids a learner must never read, wherever they appear in `text`: snake_case values,
  /// camelCase fact names, dotted fact paths, and rule codes starting a line or a bullet.
  static func leakedIdentifiers(in text: String) -> [String] {
    let patterns = [
      #"\b[a-z]+(?:_[a-z0-9]+)+\b"#, #"\b(?:onSSA|fitForSurgery|stableMonths|sizeCm)\b"#,
      #"\binvolvementPercent\b"#,
      #"\b(?:pathology|primary|liver)\.[a-z][A-Za-z0-9]*\b"#,
      #"(?m)(?:^|•)\s*(?:Rule\s+)?[DNS][0-9]+[a-z]?:"#,
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
