/// Tab's candidates laid out in columns, down then across as `ls` does, each column as wide
/// as its longest word: never one long line that the terminal breaks mid-word.
enum CandidateColumns {
  /// The lines for `words` in `width` columns; a word wider than the screen has a line of
  /// its own.
  static func lines(_ words: [String], width: Int) -> [String] {
    guard !words.isEmpty else { return [] }
    let gap = 2
    var rows = 1
    // The fewest rows whose columns fit the width.
    while rows < words.count {
      let columns = stride(from: 0, to: words.count, by: rows).map {
        words[$0..<min($0 + rows, words.count)].map(\.count).max() ?? 0
      }
      if columns.reduce(0, +) + gap * (columns.count - 1) <= width { break }
      rows += 1
    }
    let widths = stride(from: 0, to: words.count, by: rows).map {
      words[$0..<min($0 + rows, words.count)].map(\.count).max() ?? 0
    }
    return (0..<rows).map { row in
      var line = ""
      for (column, columnWidth) in widths.enumerated() {
        let index = column * rows + row
        guard index < words.count else { break }
        let word = words[index]
        let last = (column + 1) * rows + row >= words.count
        line += last ? word : word + String(repeating: " ", count: columnWidth - word.count + gap)
      }
      return line
    }
  }
}
