import Figures
import Foundation
import Testing

@Suite("Terminal charts")
struct ChartTests {
  static let topics: [ChartPoint] = [
    ChartPoint(label: "grading", value: 75, display: "75 %", note: "9/12"),
    ChartPoint(label: "staging", value: 50, display: "50 %", note: "3/6"),
    ChartPoint(label: "transplant", value: 100, display: "100 %", note: "4/4"),
    ChartPoint(label: "treatment", value: 0, display: "0 %", note: "0/2"),
  ]

  /// Thirty days with a gap, a busy day (14) and a light one (1).
  static let days: [ChartPoint] = (0..<30).map { index in
    let values = [0, 3, 0, 0, 5, 14, 2, 0, 1, 7]
    return ChartPoint(
      label: String(format: "11-%02d", index + 1), value: Double(values[index % values.count]))
  }

  static func style(_ width: Int, color: Bool, glyphs: Glyphs = .unicode) -> FigureStyle {
    FigureStyle(width: width, color: color, glyphs: glyphs)
  }

  @Test(
    "a bar chart in colour: one bar a row, as long as its share, within the width",
    arguments: [60, 160])
  func barChartInColour(width: Int) throws {
    let chart = BarChart(title: "Right answers by topic", points: Self.topics, maximum: 100)
    let lines = chart.render(Self.style(width, color: true))
    #expect(lines.allSatisfy { $0.width <= width })
    #expect(lines.first?.plainText == "Right answers by topic")
    let bars = lines.dropFirst().map { $0.plainText.filter { "█▏▎▍▌▋▊▉".contains($0) }.count }
    // 100 % fills the longest bar; 50 % half of it (to the eighth); 0 % shows nothing.
    let full = bars[2]
    #expect(full >= 20)
    #expect(abs(bars[1] * 2 - full) <= 2 && bars[0] > bars[1] && bars[3] == 0)
    let row = try #require(lines.first { $0.plainText.hasPrefix("staging") })
    #expect(row.plainText.hasSuffix("50 %  3/6"))
    #expect(row.text(color: true).contains("\u{1B}[36m█"))
  }

  @Test("without colour a bar chart is a table of its numbers", arguments: [60, 160])
  func barChartWithoutColour(width: Int) {
    let lines = BarChart(title: "Right answers by topic", points: Self.topics, maximum: 100)
      .render(Self.style(width, color: false))
    let text = lines.map(\.plainText)
    #expect(lines.allSatisfy { $0.width <= width })
    #expect(!text.joined().contains { "█▏▎▍▌▋▊▉#".contains($0) })
    #expect(lines.text(color: false) == lines.map { $0.plainText + "\n" }.joined())
    // One row a topic, in their order, each with its value and note.
    #expect(text.count == 1 + Self.topics.count)
    for (row, point) in zip(text.dropFirst(), Self.topics) {
      #expect(
        row.hasPrefix(point.label) && row.hasSuffix("\(point.valueText)  \(point.note ?? "")"))
    }
  }

  @Test(
    "a column chart in colour: thirty days within the width, tallest at the top",
    arguments: [60, 160])
  func columnChartInColour(width: Int) throws {
    for glyphs in Glyphs.allCases {
      let chart = ColumnChart(title: "Answers per day, last 30 days", points: Self.days)
      let lines = chart.render(Self.style(width, color: true, glyphs: glyphs))
      #expect(lines.allSatisfy { $0.width <= width }, "\(lines.map(\.plainText))")
      let plain = lines.map(\.plainText)
      // Title, six rows of columns, the axis, the labels.
      #expect(plain.count == 9)
      #expect(plain[1].hasPrefix("14 ") && plain[7].hasPrefix(" 0 "))
      let top = plain[1].filter { $0 == glyphs.fullBlockForTests }.count
      let bottom = plain[6].filter { !" │┤|+0123456789".contains($0) }.count
      // Only the three busiest days (14) reach the top; all 18 days with answers show.
      #expect(top == 3 * barWidth(width, glyphs: glyphs, plain: plain))
      #expect(bottom == 18 * barWidth(width, glyphs: glyphs, plain: plain))
      #expect(plain[8].hasSuffix("11-30"))
      if glyphs == .ascii { #expect(plain.joined().unicodeScalars.allSatisfy { $0.isASCII }) }
    }
  }

  /// The columns one value takes in a drawn chart: the blocks on the baseline row of the
  /// busiest day, which is full.
  private func barWidth(_ width: Int, glyphs: Glyphs, plain: [String]) -> Int {
    let row = Array(plain[1])
    guard let first = row.firstIndex(of: glyphs.fullBlockForTests) else { return 0 }
    return row[first...].prefix { $0 == glyphs.fullBlockForTests }.count
  }

  @Test(
    "without colour a column chart is a table of every day and its count",
    arguments: [60, 160])
  func columnChartWithoutColour(width: Int) {
    let lines = ColumnChart(title: "Answers per day, last 30 days", points: Self.days)
      .render(Self.style(width, color: false))
    let text = lines.map(\.plainText).joined(separator: "\n")
    #expect(lines.allSatisfy { $0.width <= width })
    #expect(!text.contains("█") && !text.contains("\u{1B}"))
    for point in Self.days {
      #expect(text.contains("\(point.label)  \(point.valueText.leftPaddedForTests(2))"))
    }
    // Set in as many columns as fit (cells of 9 columns, 3 apart): 5 at 60, 13 at 160.
    #expect(lines.count - 1 == (width == 60 ? 6 : 3))
  }

  @Test("nothing to chart says so; labels cannot drive the terminal")
  func emptyAndHostile() {
    for color in [true, false] {
      let empty = BarChart(title: "Right answers by topic", points: []).render(
        Self.style(80, color: color))
      #expect(empty.map(\.plainText) == ["Right answers by topic", "Nothing yet."])
      let hostile = BarChart(
        title: "T\u{1B}]52;c;aGk=\u{07}",
        points: [ChartPoint(label: "a\u{1B}[2Jb\u{202E}c", value: 1)]
      ).render(Self.style(80, color: color))
      #expect(!hostile.map(\.plainText).joined().contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
    }
  }

  @Test(
    "long labels, values and notes are cut to fit, in colour and without", arguments: [60, 160])
  func longCellsFit(width: Int) {
    let long = String(repeating: "word ", count: 40)
    let points = [
      ChartPoint(label: long, value: 3, display: long, note: long),
      ChartPoint(label: "grading", value: 1, note: "1/1"),
    ]
    for color in [true, false] {
      let lines = BarChart(title: long, points: points).render(Self.style(width, color: color))
      #expect(lines.allSatisfy { $0.width <= width })
      #expect(lines.contains { $0.plainText.hasPrefix("grading") && $0.plainText.hasSuffix("1/1") })
      let columns = ColumnChart(title: long, points: points).render(Self.style(width, color: color))
      #expect(columns.allSatisfy { $0.width <= width })
    }
  }

  @Test("values that are no number draw as zero instead of stopping the program")
  func nonFiniteValues() {
    let points = [.nan, .infinity, -3, 2].enumerated().map {
      ChartPoint(label: "v\($0.offset)", value: $0.element)
    }
    for maximum in [nil, Double.nan, .infinity, 4] {
      for color in [true, false] {
        let style = Self.style(60, color: color)
        let bars = BarChart(title: "t", points: points, maximum: maximum).render(style)
        let columns = ColumnChart(title: "t", points: points, maximum: maximum).render(style)
        #expect(bars.count == 5 && columns.count > 1)
      }
    }
  }

  @Test("days: the last 30 ending today, and the next 14 with overdue reviews counted today")
  func daySeries() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    let now = try #require(
      calendar.date(from: DateComponents(year: 2026, month: 12, day: 4, hour: 15)))
    func day(_ offset: Int, hour: Int = 9) -> Date {
      calendar.date(byAdding: .hour, value: offset * 24 + hour - 15, to: now) ?? now
    }
    let past = DaySeries.past(
      30, dates: [day(0), day(0), day(-1), day(-29), day(-30), day(1)], now: now,
      calendar: calendar)
    #expect(past.count == 30 && past.first?.label == "11-05" && past.last?.label == "12-04")
    #expect(past.last?.value == 2 && past[28].value == 1 && past.first?.value == 1)
    #expect(past.map(\.value).reduce(0, +) == 4)
    let ahead = DaySeries.ahead(
      14, dates: [day(-3), day(0), day(1), day(13), day(14)], now: now, calendar: calendar)
    #expect(ahead.count == 14 && ahead.first?.label == "12-04" && ahead.last?.label == "12-17")
    #expect(ahead.first?.value == 2 && ahead[1].value == 1 && ahead.last?.value == 1)
    #expect(ahead.map(\.value).reduce(0, +) == 4)
  }
}

extension Glyphs {
  /// The full block of a bar, as the charts draw it.
  var fullBlockForTests: Character { self == .unicode ? "█" : "#" }
}

extension String {
  func leftPaddedForTests(_ width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }
}
