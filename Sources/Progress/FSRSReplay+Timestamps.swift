import Foundation

/// The timestamps of a review history: the same strict UTC form as session files.
extension FSRSReplay {
  /// Reads `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.fffZ`, refusing impossible fields
  /// (February 30th, hour 24) and years outside 1900–9999 (`Timestamp.date(from:)`).
  public static func date(from text: String) -> Date? {
    Timestamp.date(from: text)
  }

  /// What `SessionCoding.string(from:)` writes (`2024-03-01T09:41:07.250Z`, rounded to the
  /// nearest millisecond, nil outside the years 1900–9999).
  public static func timestamp(_ date: Date) -> String? {
    Timestamp.string(from: date)
  }
}
