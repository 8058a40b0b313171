/// Plain text made into the HTML of an Anki field.
///
/// Anki reads the file with `#html:true`, so `&`, `<`, `>` and `"` are escaped; a `"` left
/// raw at the start of a field would also open a quoted CSV field. Tabs and line breaks never
/// reach the file: a tab separates columns and a line break ends a note.
enum HTMLText {
  /// `text` escaped, with tabs and line breaks turned into spaces.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n", "\r", "\r\n": out += " "
      default: out.append(character)
      }
    }
    return out
  }

  /// Authored text on one line (paragraphs joined by a space), escaped.
  static func line(_ text: String) -> String {
    escape(Paragraphs.line(text))
  }

  /// Authored text: its paragraphs escaped and separated by a blank line (`<br><br>`).
  static func paragraphs(_ text: String) -> String {
    Paragraphs.of(text).map(escape).joined(separator: "<br><br>")
  }
}
