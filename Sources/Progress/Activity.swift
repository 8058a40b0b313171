import Foundation

/// How much a learner answered on one day, as the session file keeps it for `progress`.
public struct DayCount: Codable, Sendable, Equatable {
  /// Answers given that day, skipped ones included.
  public var answers: Int
  /// Of those, the right ones.
  public var right: Int
  /// Keys this nelm does not know, kept for the next save.
  public var unknown = UnknownKeys()

  /// Creates a value from its parts.
  public init(answers: Int = 0, right: Int = 0) {
    self.answers = answers
    self.right = right
  }

  private enum CodingKeys: String, CodingKey, CaseIterable { case answers, right }

  /// The keys this nelm reads and writes; any other is kept in `unknown`.
  static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

  /// Reads a day's counts.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    answers = try container.decode(Int.self, forKey: .answers)
    right = try container.decode(Int.self, forKey: .right)
    unknown = try UnknownKeys(from: decoder, known: Self.knownKeys)
  }

  /// Writes a day's counts.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(answers, forKey: .answers)
    try container.encode(right, forKey: .right)
    try unknown.encode(to: encoder)
  }
}

/// The latest run of consecutive days with at least one answer: what the streak is counted
/// from, without keeping every day ever studied.
public struct Streak: Codable, Sendable, Equatable {
  /// Its first day (`YYYY-MM-DD`, the learner's local calendar).
  public var first: String
  /// Its last day.
  public var last: String
  /// Keys this nelm does not know, kept for the next save.
  public var unknown = UnknownKeys()

  /// Creates a value from its parts.
  public init(first: String, last: String) {
    self.first = first
    self.last = last
  }

  private enum CodingKeys: String, CodingKey, CaseIterable { case first, last }

  /// The keys this nelm reads and writes; any other is kept in `unknown`.
  static let knownKeys = Set(CodingKeys.allCases.map(\.rawValue))

  /// Reads the run, refusing a day that is not one.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    first = try container.decode(String.self, forKey: .first)
    last = try container.decode(String.self, forKey: .last)
    for (key, text) in [(CodingKeys.first, first), (.last, last)] where LocalDay(key: text) == nil {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: container,
        debugDescription: "'\(ProgressError.printable(text))' is not a day (YYYY-MM-DD)")
    }
    unknown = try UnknownKeys(from: decoder, known: Self.knownKeys)
  }

  /// Writes the run.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(first, forKey: .first)
    try container.encode(last, forKey: .last)
    try unknown.encode(to: encoder)
  }

  /// Consecutive days with an answer that end today, or yesterday when today has none yet
  /// (the streak is not broken before the day is over); 0 otherwise.
  public func length(today: LocalDay) -> Int {
    guard let first = LocalDay(key: first), let last = LocalDay(key: last),
      last.number == today.number || last.number == today.number - 1
    else { return 0 }
    return last.number - first.number + 1
  }
}

/// A day of the learner's local calendar, as `progress` counts days: `2026-12-04`.
public struct LocalDay: Sendable, Hashable, Comparable {
  /// Days since 1970-01-01 of this civil date.
  public let number: Int

  /// The day `date` falls on in `timeZone` (the learner's by default).
  public init(_ date: Date, in timeZone: TimeZone = .current) {
    let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
    number = Int((seconds / 86_400).rounded(.down))
  }

  /// The day a key names, or nil for a key that is not `YYYY-MM-DD`.
  public init?(key: String) {
    guard key.utf8.count == 10, let date = Timestamp.date(from: key + "T00:00:00Z") else {
      return nil
    }
    number = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
  }

  /// The day `number` days after 1970-01-01.
  public init(number: Int) {
    self.number = number
  }

  /// `YYYY-MM-DD`.
  public var key: String {
    let midnight = Date(timeIntervalSince1970: Double(number) * 86_400)
    return String((Timestamp.string(from: midnight) ?? "1900-01-01").prefix(10))
  }

  /// Orders days in time.
  public static func < (lhs: LocalDay, rhs: LocalDay) -> Bool { lhs.number < rhs.number }
}

extension Session {
  /// How many days back from the latest one `days` keeps: the dashboard shows 30.
  public static let daysKept = 62

  /// Counts `answer` in its day and in the streak.
  public mutating func countDay(of answer: Answer) {
    let day = LocalDay(answer.at)
    var count = days[day.key] ?? DayCount()
    count.answers = count.answers.addingSaturated(1)
    if answer.correct { count.right = count.right.addingSaturated(1) }
    let isNewDay = days[day.key] == nil
    days[day.key] = count
    if isNewDay {
      // Keys sort as dates do: drop those too old for the dashboard.
      let oldest = LocalDay(number: day.number - Session.daysKept).key
      if let newest = days.keys.max(), newest == day.key {
        days = days.filter { $0.key >= oldest }
      }
    }
    guard let streak, let last = LocalDay(key: streak.last) else {
      self.streak = Streak(first: day.key, last: day.key)
      return
    }
    if day.number == last.number + 1 {
      self.streak?.last = day.key
    } else if day.number > last.number + 1 {
      self.streak = Streak(first: day.key, last: day.key)
    }
    // An earlier day (a clock set back) counts in `days` but does not move the run.
  }
}
