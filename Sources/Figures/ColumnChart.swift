/// A column chart of values over time, such as answers per day for the last 30 days or
/// reviews due over the next 14.
///
/// With colour, one column a value on a scale from zero to the largest value, with some
/// labels under the axis; without colour (piped output, `NO_COLOR`) the same values as a
/// table of numbers.
public struct ColumnChart: Sendable, Equatable {
  /// The chart's title.
  public var title: String
  /// The values, left to right (oldest first).
  public var points: [ChartPoint]
  /// Rows the tallest column takes.
  public var height: Int
  /// The value the top of the scale stands for; nil: the largest value.
  public var maximum: Double?

  /// Creates a chart.
  public init(title: String, points: [ChartPoint], height: Int = 6, maximum: Double? = nil) {
    self.title = title
    self.points = points
    self.height = max(1, height)
    self.maximum = maximum
  }

  /// The chart in `style`: every line at most `style.width` columns.
  public func render(_ style: FigureStyle) -> [FigureLine] {
    let glyphs = style.glyphs
    var lines = SpanWrapping.wrap(
      [FigureSpan(glyphs.fold(printableLabel(title)), .strong)], width: style.width)
    guard !points.isEmpty else { return lines + [FigureLine([FigureSpan("Nothing yet.", .dim)])] }
    let top = ChartPoint(label: "", value: maximum ?? points.map(\.drawnValue).max() ?? 0)
      .drawnValue
    let topText = ChartPoint(label: "", value: top).valueText
    let scaleWidth = topText.count + 2
    let columnWidth = min(4, (style.width - scaleWidth) / points.count)
    guard style.color, columnWidth >= 1 else {
      return lines
        + ValueTable.lines(
          points, width: style.width, glyphs: glyphs, inColumns: true)
    }
    let barWidth = columnWidth == 1 ? 1 : columnWidth - 1
    let levels = points.map { level(of: $0.drawnValue, top: top, glyphs: glyphs) }
    let axis = glyphs.axis
    for row in (0..<height).reversed() {
      var line = FigureLine()
      let tick = row == height - 1
      line.append((tick ? topText : "").leftPadded(to: scaleWidth - 2) + " ", .dim)
      line.append(String(tick ? axis.tick : axis.vertical), .dim)
      for level in levels {
        line.append(cell(level, row: row, glyphs: glyphs, width: barWidth), .accent)
        line.append(String(repeating: " ", count: columnWidth - barWidth))
      }
      lines.append(line.trimmingTrailingSpaces())
    }
    var baseline = FigureLine()
    baseline.append("0".leftPadded(to: scaleWidth - 2) + " " + String(axis.origin), .dim)
    baseline.append(String(repeating: axis.horizontal, count: columnWidth * points.count), .dim)
    lines.append(baseline)
    lines.append(axisLabels(scaleWidth: scaleWidth, columnWidth: columnWidth, glyphs: glyphs))
    return lines
  }

  /// The column's height in steps: eighths of a row with block glyphs, whole rows in ASCII;
  /// a value above zero always shows.
  private func level(of value: Double, top: Double, glyphs: Glyphs) -> Int {
    guard top > 0, value > 0 else { return 0 }
    let steps = glyphs.lowerBlocks.isEmpty ? 1 : 8
    return max(1, Int((min(1, value / top) * Double(height * steps)).rounded()))
  }

  /// What a column shows in `row` (0 at the bottom).
  private func cell(_ level: Int, row: Int, glyphs: Glyphs, width: Int) -> String {
    let partials = glyphs.lowerBlocks
    let steps = partials.isEmpty ? 1 : 8
    let filled = level - row * steps
    let character: Character =
      filled >= steps ? glyphs.fullBlock : filled <= 0 ? " " : partials[filled - 1]
    return String(repeating: character, count: width)
  }

  /// Labels under the axis, each ending under its column: the last one always, and earlier
  /// ones as often as they fit.
  private func axisLabels(scaleWidth: Int, columnWidth: Int, glyphs: Glyphs) -> FigureLine {
    let labels = points.map { glyphs.fold(printableLabel($0.label)) }
    let length = labels.map(\.count).max() ?? 0
    let barWidth = columnWidth == 1 ? 1 : columnWidth - 1
    // Labels `step` columns apart never touch: their ends are length + 1 or more apart.
    let step = max(1, (length + columnWidth) / columnWidth)
    var text = [Character](repeating: " ", count: scaleWidth + columnWidth * points.count)
    for index in stride(from: points.count - 1, through: 0, by: -step) {
      let end = scaleWidth + columnWidth * index + barWidth
      let label = Array(labels[index])
      guard end >= label.count else { break }
      for (offset, character) in label.enumerated() {
        text[end - label.count + offset] = character
      }
    }
    return FigureLine([FigureSpan(String(text), .dim)]).trimmingTrailingSpaces()
  }
}
