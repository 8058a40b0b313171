import Foundation
import Testing

@testable import Progress

/// Dates are read strictly: an impossible date is refused, never moved to another day.
@Suite("Timestamps")
struct TimestampTests {
  static let refused = [
    "2024-02-30T10:00:00.000Z", "2023-02-29T10:00:00.000Z", "1900-02-29T00:00:00Z",
    "2024-02-03T25:61:61.000Z", "2024-02-03T24:00:00Z", "2024-02-03T23:60:00Z",
    "2024-02-03T23:59:60Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z",
    "2024-04-31T00:00:00Z", "1899-12-31T23:59:59.999Z", "10000-01-01T00:00:00Z",
    "2024-03-01T10:41:07.250+01:00", "2024-03-01T10:41:07.250z", "2024-03-01 10:41:07Z",
    "2024-03-01T10:41:07.Z", "2024-03-01T10:41:07.1234567890Z", "yesterday", "",
  ]

  @Test("impossible or foreign forms are refused", arguments: refused)
  func refuses(text: String) {
    #expect(Timestamp.date(from: text) == nil, "\(text)")
  }

  @Test("leap days, the first and last instants, and fractions of any length are read")
  func accepts() {
    #expect(Timestamp.date(from: "2024-02-29T12:00:00Z") != nil)
    #expect(Timestamp.date(from: "2000-02-29T00:00:00Z") != nil)
    #expect(
      Timestamp.date(from: "1900-01-01T00:00:00.000Z")
        == Date(timeIntervalSince1970: -2_208_988_800))
    #expect(Timestamp.date(from: "9999-12-31T23:59:59.999Z") == Timestamp.latest)
    #expect(
      Timestamp.date(from: "2023-11-14T22:13:20.5Z") == Date(timeIntervalSince1970: 1_700_000_000.5)
    )
    #expect(
      Timestamp.date(from: "2023-11-14T22:13:20.123456789Z")
        == Date(timeIntervalSince1970: 1_700_000_000.123))
  }

  @Test("a review due after 9999 is held to the last instant a file holds")
  func dueHeld() throws {
    let at = try #require(Timestamp.date(from: "9999-12-31T12:00:00.000Z"))
    var session = Session(learner: "ana", now: at)
    for _ in 0..<3 {
      session.record(
        Answer(item: "l/q", response: ["a"], correct: true, at: at, durationMs: 1, hintsUsed: 0))
    }
    #expect(session.items["l/q"]?.review?.due == Timestamp.latest)
    #expect(throws: Never.self) { try SessionCoding.encode(session) }
  }
}
