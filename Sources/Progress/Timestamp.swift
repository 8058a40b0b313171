import Foundation

/// The dates of session files and answer logs: `YYYY-MM-DDTHH:MM:SS.fffZ`, UTC, years
/// 1900–9999, read and written by hand.
///
/// Reading is strict: February 30th, hour 25 or minute 61 are refused, never moved to another
/// day as a lenient parser would, and so is anything but `Z` for the time zone. The fraction
/// may have 1 to 9 digits or be absent; the result is rounded to the millisecond, as files
/// keep it. Writing rounds to the nearest millisecond. (Hand-made, too, because Foundation's
/// ISO-8601 format style takes about a microsecond per date, several times a review's
/// scheduling.)
public enum Timestamp {
  /// The first and last instants the format can hold, in milliseconds since 1970.
  static let writableMilliseconds: ClosedRange<Int64> = -2_208_988_800_000...253_402_300_799_999

  /// The last instant a file can hold, 9999-12-31T23:59:59.999Z: later dates (a review due
  /// centuries after an answer dated 9999) are held to it.
  public static let latest = Date(timeIntervalSince1970: 253_402_300_799.999)

  /// The date `text` names, rounded to the millisecond; nil for any other form, an
  /// impossible field, or a year outside 1900–9999.
  public static func date(from text: String) -> Date? {
    var text = text
    return text.withUTF8 { date(utf8: $0) }
  }

  /// `date(from:)` on the UTF-8 bytes of the text: a history's reader calls it on its input
  /// without making a string of each date.
  static func date(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
    guard bytes.count >= 20, bytes[bytes.count - 1] == UInt8(ascii: "Z"),
      bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":")
    else { return nil }
    func number(_ start: Int, _ count: Int) -> Int? {
      var value = 0
      for byte in bytes[start..<start + count] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    // An optional fraction of 1–9 digits between the seconds and the Z.
    let fractionDigits = bytes.count - 21
    guard
      bytes.count == 20 || (bytes[19] == UInt8(ascii: ".") && (1...9).contains(fractionDigits)),
      let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
      let fraction = bytes.count == 20 ? 0 : number(20, fractionDigits)
    else { return nil }
    guard (1...12).contains(month), (1...daysIn(month, of: year)).contains(day), hour < 24,
      minute < 60, second < 60
    else { return nil }
    var nanoseconds = fraction
    for _ in max(fractionDigits, 0)..<9 { nanoseconds *= 10 }
    let days = Int64(daysFromCivil(year: year, month: month, day: day))
    let seconds = Int64(hour * 3600 + minute * 60 + second)
    // Half a millisecond rounds up, as `roundedToMilliseconds` does.
    let milliseconds = (days * 86_400 + seconds) * 1000 + Int64((nanoseconds + 500_000) / 1_000_000)
    guard writableMilliseconds.contains(milliseconds) else { return nil }
    return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
  }

  /// `date` as a file writes it (`2024-03-01T09:41:07.250Z`), rounded to the nearest
  /// millisecond; nil outside the years 1900–9999 (or for a date that is not a number).
  public static func string(from date: Date) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(24)
    guard append(date, to: &out) else { return nil }
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends what `string(from:)` gives to `out`, without making a string: a replay writes a
  /// date on each of its lines. False, and nothing appended, when `string(from:)` is nil.
  static func append(_ date: Date, to out: inout [UInt8]) -> Bool {
    let rounded = (date.timeIntervalSince1970 * 1000).rounded()
    guard rounded.isFinite,
      (Double(writableMilliseconds.lowerBound)...Double(writableMilliseconds.upperBound))
        .contains(rounded)
    else { return false }
    let total = Int64(rounded)
    let (days, inDay) = floorDivision(total, 86_400_000)
    let (year, month, day) = civilFromDays(Int(days))
    let time = Int(inDay)
    // The 24 bytes filled in place, then appended at once: byte by byte, `append` was most of
    // the cost of a replay's line.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { text in
      func digits(_ value: Int, at end: Int, _ count: Int) {
        var value = value
        for index in stride(from: end, to: end - count, by: -1) {
          text[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
          value /= 10
        }
      }
      digits(year, at: 3, 4)
      text[4] = UInt8(ascii: "-")
      digits(month, at: 6, 2)
      text[7] = UInt8(ascii: "-")
      digits(day, at: 9, 2)
      text[10] = UInt8(ascii: "T")
      digits(time / 3_600_000, at: 12, 2)
      text[13] = UInt8(ascii: ":")
      digits(time / 60_000 % 60, at: 15, 2)
      text[16] = UInt8(ascii: ":")
      digits(time / 1000 % 60, at: 18, 2)
      text[19] = UInt8(ascii: ".")
      digits(time % 1000, at: 22, 3)
      text[23] = UInt8(ascii: "Z")
      out.append(contentsOf: UnsafeBufferPointer(text))
    }
    return true
  }

  /// `date`, or `latest` when it is later: what a file can hold of a computed date.
  public static func clamped(_ date: Date) -> Date {
    date > latest ? latest : date
  }

  private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
    let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
    return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
  }

  private static func daysIn(_ month: Int, of year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
  private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date of a day counted from 1970-01-01 (H. Hinnant's `civil_from_days`).
  private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shifted = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shifted + 2) / 5 + 1
    let month = shifted < 10 ? shifted + 3 : shifted - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
