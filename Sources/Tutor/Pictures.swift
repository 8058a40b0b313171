import Clinical
import Figures
import Foundation
import Progress

/// The pictures of the shell, drawn by `Figures` and handed to the renderer as rows that are
/// never wrapped again: Figure 3 as a tree (with the path a patient's facts took), and the
/// charts of `progress`.
enum Pictures {
  /// Figure 3 (reconstructed) as a tree; with an assessment, its path marked and the rule
  /// and branch that decided highlighted. Rules are named by their questions, not their ids.
  static func tree(_ style: FigureStyle, highlighting assessment: Assessment? = nil) -> [Block] {
    let renderer = DecisionTreeRenderer(style: style, showsNotice: false, showsRuleIDs: false)
    let lines = assessment.map { renderer.render(highlighting: $0) } ?? renderer.render()
    return blocks(lines)
  }

  /// Answers per day over the last 30 days, the right-answer rate per topic, and the reviews
  /// due over the next 14 days: charts that fit the width, tables of numbers without colour.
  static func progressCharts(
    _ style: FigureStyle, answerDates: [Date], topics: [(name: String, right: Int, answered: Int)],
    due: [Date], now: Date
  ) -> [Block] {
    let perDay = ColumnChart(
      title: "Answers per day, last 30 days",
      points: DaySeries.past(30, dates: answerDates, now: now))
    let rates = BarChart(
      title: "Right answers by topic (latest answer to each item), %",
      points: topics.map { topic in
        ChartPoint(
          label: ClinicalWords.stepKind(topic.name),
          value: Double(topic.right * 100 / max(1, topic.answered)),
          display: "\(topic.right * 100 / max(1, topic.answered)) %",
          note: "\(topic.right)/\(topic.answered)")
      }, maximum: 100)
    let ahead = ColumnChart(
      title: "Reviews due, next 14 days", points: DaySeries.ahead(14, dates: due, now: now))
    return [.blank] + blocks(perDay.render(style)) + [.blank] + blocks(rates.render(style))
      + [.blank] + blocks(ahead.render(style))
  }

  /// Figure lines as rows, each emphasis as the renderer's own.
  static func blocks(_ lines: [FigureLine]) -> [Block] {
    lines.map { line in
      .row(line.spans.map { Span($0.text, style($0.style)) })
    }
  }

  private static func style(_ style: FigureSpan.Style) -> Span.Style {
    switch style {
    case .plain: .plain
    case .strong: .strong
    case .dim: .dim
    case .accent: .accent
    case .highlight: .good
    }
  }
}

extension Tutor {
  /// Sets how pictures are drawn: with colour (else charts are tables of numbers), and with
  /// box-drawing characters when the environment's locale and terminal can show them (read
  /// from the environment: the shell sets the process's own locale to UTF-8 for libedit).
  public mutating func setPictures(
    color: Bool, environment: [String: String], isTerminal: Bool
  ) {
    context.pictureColor = color
    context.pictureGlyphs = Glyphs.detect(environment: environment, isTerminal: isTerminal)
  }

  /// `draw`: Figure 3 with the path the facts of the last case step answered (or the last
  /// walk finished) took.
  func drawCommand() -> Reply {
    guard let facts = context.lastFacts else {
      return .error(
        "`draw` shows the path a case step's facts take through Figure 3: answer a step of "
          + "a `case` first, or walk the `algorithm`.")
    }
    // About 40 lines: through the pager on a terminal, like the other long screens.
    return Reply(Pictures.tree(context.figureStyle, highlighting: ClinicalEngine.assess(facts)))
      .paged()
  }
}
