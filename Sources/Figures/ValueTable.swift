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
    let values = points.map(\.valueText)
    let notes = points.map { $0.note.map { "  " + glyphs.fold(printableLabel($0)) } ?? "" }
    let valueWidth = values.map(\.count).max() ?? 0
    let noteWidth = notes.map(\.count).max() ?? 0
    let labelRoom = max(4, width - 2 - valueWidth - noteWidth)
    let labels = points.map {
      glyphs.fold(printableLabel($0.label)).truncated(to: labelRoom, ellipsis: glyphs.ellipsis)
    }
    let labelWidth = labels.map(\.count).max() ?? 0
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
        line.append(labels[index].rightPadded(to: labelWidth + 2))
        line.append(values[index].leftPadded(to: valueWidth), .strong)
        line.append(notes[index], .dim)
      }
      lines.append(line.trimmingTrailingSpaces())
    }
    return lines
  }
}
