import Foundation
import Testing

@testable import Progress

/// `FSRSReplay.JSONLines`: the `--json` lines of `nelm schedule replay`, which must stay
/// byte for byte what the `fsrs` package's state gives with Python's `repr` of a float.
@Suite("FSRS replay JSON lines")
struct FSRSReplayJSONLinesTests {
  static func state(_ stability: Double?, _ difficulty: Double?, _ due: Date, _ phase: ReviewPhase)
    -> ReviewState
  {
    ReviewState(
      stability: stability, difficulty: difficulty, due: due, phase: phase, step: nil,
      lastReview: nil, reps: 1, lapses: 0)
  }

  static let start = Date(timeIntervalSince1970: 1_700_000_000)

  /// Numbers at the edges of their forms, written as Python's `repr` writes them.
  static let numbers: [(Double?, String)] = [
    (0.001, "0.001"), (10, "10.0"), (2.3065, "2.3065"), (0.1 + 0.2, "0.30000000000000004"),
    (1e-05, "1e-05"), (0.0001, "0.0001"), (1e16, "1e+16"),
    (9_007_199_254_740_992, "9007199254740992.0"), (36_500, "36500.0"),
    (.leastNonzeroMagnitude, "5e-324"),
    (.greatestFiniteMagnitude, "1.7976931348623157e+308"), (nil, "null"), (.nan, "null"),
    (.infinity, "null"),
  ]

  @Test("numbers are written in their shortest form, as Python writes them", arguments: numbers)
  func number(value: Double?, text: String) {
    var lines = FSRSReplay.JSONLines()
    lines.append(Self.state(value, 5.5, Self.start, .learning))
    #expect(
      String(decoding: lines.bytes, as: UTF8.self)
        == #"{"stability": \#(text), "difficulty": 5.5, "due": "2023-11-14T22:13:20.000Z", "#
        + #""state": "learning"}"# + "\n")
  }

  static let dates: [(Date, String)] = [
    (Date(timeIntervalSince1970: -2_208_988_800), "1900-01-01T00:00:00.000Z"),
    (Timestamp.latest, "9999-12-31T23:59:59.999Z"),
    (Date(timeIntervalSince1970: 951_782_400), "2000-02-29T00:00:00.000Z"),
    (start + 0.000_5, "2023-11-14T22:13:20.001Z"), (start + 0.000_4, "2023-11-14T22:13:20.000Z"),
    (start + 0.999_6, "2023-11-14T22:13:21.000Z"),
    (Date(timeIntervalSince1970: 253_402_300_800), ""),
  ]

  @Test(
    "due dates round to the millisecond; a date no file can hold is written empty",
    arguments: dates)
  func due(date: Date, text: String) {
    var lines = FSRSReplay.JSONLines()
    lines.append(Self.state(1, 2, date, .review))
    #expect(
      String(decoding: lines.bytes, as: UTF8.self)
        == #"{"stability": 1.0, "difficulty": 2.0, "due": "\#(text)", "state": "review"}"# + "\n")
  }

  @Test("lines follow one another, and a cleared buffer starts again")
  func lines() {
    var lines = FSRSReplay.JSONLines()
    lines.append(Self.state(1, 2, Self.start, .learning))
    lines.append(Self.state(1, 2, Self.start, .relearning))
    #expect(String(decoding: lines.bytes, as: UTF8.self).split(separator: "\n").count == 2)
    #expect(String(decoding: lines.bytes, as: UTF8.self).hasSuffix(#""relearning"}"# + "\n"))
    lines.removeAll()
    #expect(lines.bytes.isEmpty)
  }
}
