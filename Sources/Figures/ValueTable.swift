/// The numbers of a chart as a plain table: what a chart becomes without colour (piped, or
/// `NO_COLOR`), where screen readers, scripts and `grep` read values, not bars.
enum ValueTable {
  /// `label  value  note` rows, labels and values aligned. A series (`inColumns`, such as
  /// days) is set in as many columns as fit `width`, read top to bottom, then left to right;
  /// categories keep one row each.
  static func lines(
    _ points: [ChartPoint], width: Int, glyphs: Glyphs, inColumns: Bool
  ) -> [FigureLine] {
    let gap = 3
    // Values and notes take at most a quarter and a third of the width; labels the rest.
    let natural = points.map { $0.cells(glyphs, label: width, value: width, note: width) }
    let valueWidth = min(natural.map(\.value.count).max() ?? 0, width / 4)
    let noteWidth = min(natural.map(\.note.count).max() ?? 0, width / 3)
    let labelRoom = width - 2 - valueWidth - noteWidth
    let cells = points.map {
      $0.cells(glyphs, label: labelRoom, value: valueWidth, note: noteWidth)
    }
    let labelWidth = cells.map(\.label.count).max() ?? 0
    let cellWidth = labelWidth + 2 + valueWidth + noteWidth
    let fitting = (width + gap) / (cellWidth + gap)
    let columns = inColumns ? max(1, min(points.count, fitting)) : 1
    let rowCount = (points.count + columns - 1) / columns
    var lines: [FigureLine] = []
    for row in 0..<rowCount {
      var line = FigureLine()
      for column in 0..<columns {
        let index = column * rowCount + row
        guard index < points.count else { break }
        if column > 0 { line.pad(to: column * (cellWidth + gap)) }
        line.append(cells[index].label.rightPadded(to: labelWidth + 2))
        line.append(cells[index].value.leftPadded(to: valueWidth), .strong)
        line.append(cells[index].note, .dim)
      }
      lines.append(line.trimmingTrailingSpaces())
    }
    return lines
  }
}
