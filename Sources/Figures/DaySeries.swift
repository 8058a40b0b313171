import Foundation

/// Days as chart points: how many of some dates fall on each day, for the column charts of
/// `progress` (answers per day, reviews due ahead). Labels are `MM-dd`.
public enum DaySeries {
  /// The counts of `dates` on each of the `count` days that end with today, oldest first
  /// (answers per day for the last 30 days: `past(30, dates: answers.map(\.at), …)`).
  public static func past(
    _ count: Int, dates: [Date], now: Date, calendar: Calendar = .current
  ) -> [ChartPoint] {
    let today = calendar.startOfDay(for: now)
    let days = (0..<max(0, count)).reversed().compactMap {
      calendar.date(byAdding: .day, value: -$0, to: today)
    }
    return points(days, counting: dates, calendar: calendar)
  }

  /// The counts of `dates` on each of the `count` days that start with today; a date before
  /// today (an overdue review) counts for today, a date after the last day for none (reviews
  /// due over the next 14 days: `ahead(14, dates: session.due(at: startOfToday, within:
  /// 14 * 86_400).map(\.due), …)`).
  public static func ahead(
    _ count: Int, dates: [Date], now: Date, calendar: Calendar = .current
  ) -> [ChartPoint] {
    let today = calendar.startOfDay(for: now)
    let days = (0..<max(0, count)).compactMap {
      calendar.date(byAdding: .day, value: $0, to: today)
    }
    return points(days, counting: dates.map { max($0, today) }, calendar: calendar)
  }

  private static func points(
    _ days: [Date], counting dates: [Date], calendar: Calendar
  ) -> [ChartPoint] {
    var counts: [Date: Int] = [:]
    for date in dates { counts[calendar.startOfDay(for: date), default: 0] += 1 }
    return days.map { day in
      let parts = calendar.dateComponents([.month, .day], from: day)
      let label = String(format: "%02d-%02d", parts.month ?? 0, parts.day ?? 0)
      return ChartPoint(label: label, value: Double(counts[day] ?? 0))
    }
  }
}
