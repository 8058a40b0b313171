import Foundation

/// The words of a text as search compares them: runs of letters and digits, lower-cased and
/// stripped of accents (`Plöckinger` is `plockinger`), each with where it stands in the text.
///
/// Built for speed: ASCII words, nearly all of the course, are folded without Foundation.
enum SearchText {
  /// One word of the text.
  struct Word: Sendable {
    /// The word folded for comparison.
    var folded: String
    /// Where the word stands in the original text.
    var range: Range<String.Index>
  }

  /// The words of `text`, in order. Walks Unicode scalars, not characters: grapheme
  /// breaking would cost more than the rest of the index; a combining accent counts as part
  /// of its word.
  static func words(of text: String) -> [Word] {
    var words: [Word] = []
    let scalars = text.unicodeScalars
    var start: String.Index?
    var isASCII = true
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if isWordScalar(scalar) {
        if start == nil {
          start = index
          isASCII = true
        }
        isASCII = isASCII && scalar.isASCII
      } else if let first = start {
        words.append(word(text[first..<index], isASCII: isASCII))
        start = nil
      }
      index = scalars.index(after: index)
    }
    if let first = start {
      words.append(word(text[first..<text.endIndex], isASCII: isASCII))
    }
    return words
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
    case 0..<0x80: return false
    default:
      let properties = scalar.properties
      return properties.isAlphabetic || properties.numericType != nil
        || properties.generalCategory == .nonspacingMark
    }
  }

  private static func word(_ slice: Substring, isASCII: Bool) -> Word {
    Word(
      folded: isASCII ? slice.lowercased() : fold(String(slice)),
      range: slice.startIndex..<slice.endIndex)
  }

  /// `text` lower-cased and stripped of accents, for comparing and sorting.
  static func fold(_ text: String) -> String {
    text.folding(
      options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
  }

  /// The distinct folded words of a query, in the order typed.
  static func queryWords(_ query: String) -> [String] {
    var seen: Set<String> = []
    return words(of: query).map(\.folded).filter { seen.insert($0).inserted }
  }
}
