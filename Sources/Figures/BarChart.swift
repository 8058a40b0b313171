/// A horizontal bar chart of labelled values, such as the right-answer rate per topic.
///
/// With colour, one bar a row, scaled to `maximum`; without colour (piped output, `NO_COLOR`)
/// the same values as a table of numbers.
public struct BarChart: Sendable, Equatable {
  /// The widest a bar gets, however wide the terminal: longer bars are no easier to compare.
  static let longestBar = 60

  /// The chart's title.
  public var title: String
  /// The values, top to bottom.
  public var points: [ChartPoint]
  /// The value a full bar stands for (100 for a rate); nil: the largest value.
  public var maximum: Double?

  /// Creates a chart.
  public init(title: String, points: [ChartPoint], maximum: Double? = nil) {
    self.title = title
    self.points = points
    self.maximum = maximum
  }

  /// The chart in `style`: every line at most `style.width` columns.
  public func render(_ style: FigureStyle) -> [FigureLine] {
    let glyphs = style.glyphs
    var lines = SpanWrapping.wrap(
      [FigureSpan(glyphs.fold(printableLabel(title)), .strong)], width: style.width)
    guard !points.isEmpty else { return lines + [FigureLine([FigureSpan("Nothing yet.", .dim)])] }
    guard style.color else {
      return lines
        + ValueTable.lines(
          points, width: style.width, glyphs: glyphs, inColumns: false)
    }
    // Labels, values and notes take at most a third, a sixth and a quarter of the width; the
    // bar has the rest.
    let width = style.width
    let natural = points.map { $0.cells(glyphs, label: width, value: width, note: width) }
    let labelWidth = min(natural.map(\.label.count).max() ?? 0, width / 3)
    let valueWidth = min(natural.map(\.value.count).max() ?? 0, width / 6)
    let noteWidth = min(natural.map(\.note.count).max() ?? 0, width / 4)
    let cells = points.map {
      $0.cells(glyphs, label: labelWidth, value: valueWidth, note: noteWidth)
    }
    let barWidth = min(Self.longestBar, width - labelWidth - 2 - 1 - valueWidth - noteWidth)
    let top = ChartPoint(label: "", value: maximum ?? points.map(\.drawnValue).max() ?? 0)
      .drawnValue
    for (index, point) in points.enumerated() {
      var line = FigureLine()
      line.append(cells[index].label.rightPadded(to: labelWidth + 2))
      line.append(bar(point.drawnValue, of: top, width: barWidth, glyphs: glyphs), .accent)
      line.pad(to: labelWidth + 2 + barWidth + 1)
      line.append(cells[index].value.leftPadded(to: valueWidth), .strong)
      line.append(cells[index].note, .dim)
      lines.append(line.trimmingTrailingSpaces())
    }
    return lines
  }

  /// A bar of `value` out of `top` in `width` columns, in eighths of a column where the glyphs
  /// have them; a value above zero always shows.
  func bar(_ value: Double, of top: Double, width: Int, glyphs: Glyphs) -> String {
    guard top > 0, value > 0 else { return "" }
    let partials = glyphs.partialBlocks
    let steps = partials.isEmpty ? 1 : 8
    let share = min(1, value / top)
    let units = max(1, Int((share * Double(width * steps)).rounded()))
    let full = String(repeating: glyphs.fullBlock, count: units / steps)
    let rest = units % steps
    return rest == 0 ? full : full + String(partials[rest - 1])
  }
}
