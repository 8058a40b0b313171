extension Glyphs {
  /// The connector of a node that has siblings below it.
  var branch: String { self == .unicode ? "├─ " : "|- " }
  /// The connector of a last child.
  var lastBranch: String { self == .unicode ? "└─ " : "`- " }
  /// The line that carries on past a node to its later siblings.
  var trunk: String { self == .unicode ? "│  " : "|  " }
  /// The marker of the rule and branch that decided.
  var decided: String { self == .unicode ? "▶" : ">" }
  /// The marker of a rule tried that did not hold.
  var passed: String { self == .unicode ? "✗" : "x" }
  /// The arrow between a question and what it leads to.
  var arrow: String { self == .unicode ? "→" : "->" }
  /// The arrow of the case's own result under the node that decided.
  var result: String { self == .unicode ? "⇒" : "=>" }
  /// A full block of a bar, and the eighths that end one (index 1 = one eighth).
  var fullBlock: Character { self == .unicode ? "█" : "#" }
  /// Partial blocks from one to seven eighths of a column, left to right.
  var partialBlocks: [Character] {
    self == .unicode ? ["▏", "▎", "▍", "▌", "▋", "▊", "▉"] : []
  }
  /// Partial blocks from one to seven eighths of a row, bottom up.
  var lowerBlocks: [Character] {
    self == .unicode ? ["▁", "▂", "▃", "▄", "▅", "▆", "▇"] : []
  }
  /// The vertical axis of a column chart, its tick, its origin and the horizontal axis.
  var axis: (vertical: Character, tick: Character, origin: Character, horizontal: Character) {
    self == .unicode ? ("│", "┤", "└", "─") : ("|", "+", "+", "-")
  }
  /// What stands for text cut short.
  var ellipsis: String { self == .unicode ? "…" : "..." }

  /// `text` in these glyphs: unchanged for `unicode`; for `ascii`, the figures' own symbols
  /// spelled out (`≥` as `>=`, `α` as `alpha`) and anything else outside ASCII as `?`.
  func fold(_ text: String) -> String {
    guard self == .ascii, !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
    var out = ""
    for character in text {
      if character.isASCII {
        out.append(character)
      } else {
        out += Self.asciiSpelling[character] ?? "?"
      }
    }
    return out
  }

  private static let asciiSpelling: [Character: String] = [
    "→": "->", "⇒": "=>", "≥": ">=", "≤": "<=", "±": "+/-", "α": "alpha", "–": "-", "—": "-",
    "…": "...", "×": "x", "·": "-", "’": "'", "‘": "'", "“": "\"", "”": "\"", "é": "e",
    "ö": "o", "ü": "u", "▶": ">", "✗": "x", "█": "#", "\u{00A0}": " ",
  ]
}

/// Control characters and bidirectional overrides a caller's label might carry: never sent to
/// the terminal, so a chart label cannot drive it.
func printableLabel(_ text: String) -> String {
  String(
    String.UnicodeScalarView(
      text.unicodeScalars.filter { scalar in
        let value = scalar.value
        let control = value < 0x20 || (0x7F...0x9F).contains(value)
        let bidi = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        return !control && !bidi
      }))
}
