import Foundation
import Testing

@testable import Progress

@Suite("Session JSON")
struct SessionCodingTests {
  @Test(
    "dates are written in UTC with milliseconds, rounded to the nearest one",
    arguments: [
      (1_700_000_000.123, "2023-11-14T22:13:20.123Z"),
      (1_700_000_000.999_6, "2023-11-14T22:13:21.000Z"),
      (1_700_000_000.000_4, "2023-11-14T22:13:20.000Z"),
      // 721692807.918 s after 2001 is held as ...9179999: a truncating formatter says .917.
      (1_700_000_007.918, "2023-11-14T22:13:27.918Z"),
      (0, "1970-01-01T00:00:00.000Z"),
      (-0.001, "1969-12-31T23:59:59.999Z"),
    ])
  func dateStrings(seconds: Double, expected: String) {
    #expect(SessionCoding.string(from: Date(timeIntervalSince1970: seconds)) == expected)
  }

  @Test(
    "dates outside the years 1900–9999 cannot be written, and saving them fails cleanly",
    arguments: [Double.nan, .infinity, 253_402_300_800, -2_208_988_800.001, 1e300])
  func unwritableDates(seconds: Double) {
    let date = Date(timeIntervalSince1970: seconds)
    #expect(SessionCoding.string(from: date) == nil)
    var session = sampleSession()
    session.items["imaging/ga68"]?.last?.at = date
    let error = progressError { () throws(ProgressError) in try SessionCoding.encode(session) }
    guard case .writeFailed(let path, let reason)? = error else {
      Issue.record("expected .writeFailed, got \(String(describing: error))")
      return
    }
    #expect(path == "ana.json")
    #expect(
      reason
        == "cannot encode the session: items.imaging/ga68.last.at is not a date nelm can write")
  }

  @Test("the first and last writable dates")
  func extremeDates() {
    #expect(
      SessionCoding.string(from: Date(timeIntervalSince1970: -2_208_988_800))
        == "1900-01-01T00:00:00.000Z")
    #expect(
      SessionCoding.string(from: Date(timeIntervalSince1970: 253_402_300_799.999))
        == "9999-12-31T23:59:59.999Z")
  }

  @Test("every millisecond survives a trip through text exactly")
  func dateRoundTrip() {
    for step in 0..<20_000 {
      let milliseconds = 1_700_000_000_000 + Int64(step) * 7_919
      let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
      let text = SessionCoding.string(from: date) ?? ""
      #expect(SessionCoding.date(from: text) == date, "\(text)")
    }
  }

  @Test("dates without milliseconds are accepted; other text is not")
  func dateParsing() {
    #expect(
      SessionCoding.date(from: "2023-11-14T22:13:20Z")
        == Date(timeIntervalSince1970: 1_700_000_000))
    #expect(SessionCoding.date(from: "yesterday") == nil)
    #expect(SessionCoding.date(from: "") == nil)
  }

  @Test("the file is pretty, key-sorted, with slashes unescaped")
  func layout() throws {
    let text = String(decoding: try SessionCoding.encode(sampleSession()), as: UTF8.self)
    #expect(text.contains("\"grading/ki67\""))
    #expect(text.contains("\n  \"items\" : {\n"))
    let keys = [
      "answerCount", "cases", "created", "items", "learner", "lessons", "logBytes",
      "schemaVersion", "settings", "updated",
    ]
    let positions = keys.compactMap { text.range(of: "\n  \"\($0)\"")?.lowerBound }
    #expect(positions.count == keys.count)
    #expect(positions == positions.sorted())
  }

  @Test("decoding gives back the session with dates rounded to the millisecond")
  func roundTrip() throws {
    let session = sampleSession()
    let data = try SessionCoding.encode(session)
    let decoded = try SessionCoding.decode(data, path: "ana.json", learner: LearnerName("ana"))
    #expect(decoded == session.roundedToMilliseconds)
    #expect(decoded != session)
  }
}
