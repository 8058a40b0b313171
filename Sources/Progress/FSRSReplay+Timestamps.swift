import Foundation

/// UTC timestamps read and written by hand, for replaying long histories: Foundation's
/// ISO-8601 format style takes about a microsecond per date, several times the scheduling.
extension FSRSReplay {
  /// Reads `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.fffZ` directly, refusing
  /// impossible fields (February 30th, hour 24); any other form goes to
  /// `SessionCoding.date(from:)`. The result is rounded to the millisecond as that is.
  public static func date(from text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count == 20 || bytes.count == 24, bytes.last == UInt8(ascii: "Z") else {
      return SessionCoding.date(from: text)
    }
    let layout: [(Int, UInt8)] = [
      (4, UInt8(ascii: "-")), (7, UInt8(ascii: "-")), (10, UInt8(ascii: "T")),
      (13, UInt8(ascii: ":")), (16, UInt8(ascii: ":")),
    ]
    func number(_ start: Int, _ count: Int) -> Int? {
      var value = 0
      for byte in bytes[start..<start + count] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard layout.allSatisfy({ bytes[$0.0] == $0.1 }),
      bytes.count == 20 || bytes[19] == UInt8(ascii: "."),
      let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
      let millisecond = bytes.count == 24 ? number(20, 3) : 0
    else { return SessionCoding.date(from: text) }
    guard (1...12).contains(month), (1...daysIn(month, of: year)).contains(day), hour < 24,
      minute < 60, second < 60
    else { return nil }
    let days = Int64(daysFromCivil(year: year, month: month, day: day))
    let seconds = Int64(hour * 3600 + minute * 60 + second)
    let milliseconds = (days * 86_400 + seconds) * 1000 + Int64(millisecond)
    return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
  }

  /// What `SessionCoding.string(from:)` writes (`2024-03-01T09:41:07.250Z`, rounded to the
  /// nearest millisecond, nil outside the years 1900–9999), built by hand.
  public static func timestamp(_ date: Date) -> String? {
    let rounded = (date.timeIntervalSince1970 * 1000).rounded()
    guard (-2_208_988_800_000...253_402_300_799_999).contains(rounded) else { return nil }
    let total = Int64(rounded)
    let (days, inDay) = floorDivision(total, 86_400_000)
    let (year, month, day) = civilFromDays(Int(days))
    let time = Int(inDay)
    var out: [UInt8] = []
    out.reserveCapacity(24)
    func digits(_ value: Int, _ count: Int) {
      var divisor = 1
      for _ in 1..<count { divisor *= 10 }
      while divisor > 0 {
        out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
        divisor /= 10
      }
    }
    func mark(_ character: Unicode.Scalar) { out.append(UInt8(ascii: character)) }
    digits(year, 4)
    mark("-")
    digits(month, 2)
    mark("-")
    digits(day, 2)
    mark("T")
    digits(time / 3_600_000, 2)
    mark(":")
    digits(time / 60_000 % 60, 2)
    mark(":")
    digits(time / 1000 % 60, 2)
    mark(".")
    digits(time % 1000, 3)
    mark("Z")
    return String(decoding: out, as: UTF8.self)
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
