import Foundation
import Testing

@testable import Progress

/// `FSRSReplay`: the review histories that `nelm schedule replay` reads.
@Suite("FSRS replay")
struct FSRSReplayTests {
  @Test("a history is read in order and replayed from a new item")
  func replay() throws {
    let json = """
      [{"rating": 3, "at": "2024-03-01T09:00:00Z"},
       {"rating": 3, "at": "2024-03-01T09:10:00.500Z", "note": "ignored"},
       {"rating": 1, "at": "2024-03-04T09:00:00.000Z"}]
      """
    let (reviews, problems) = FSRSReplay.parse(Data(json.utf8))
    #expect(problems.isEmpty)
    #expect(reviews.map(\.rating) == [.good, .good, .again])
    let start = Date(timeIntervalSince1970: 1_709_283_600)
    #expect(reviews.map(\.at) == [start, start + 600.5, start + 3 * 86_400])
    let states = FSRSReplay.replay(reviews)
    #expect(states.map(\.phase) == [.learning, .review, .relearning])
    #expect(states.last?.due == start + 3 * 86_400 + 600)
  }

  @Test("an empty history replays to nothing")
  func empty() {
    let (reviews, problems) = FSRSReplay.parse(Data("[]".utf8))
    #expect(reviews.isEmpty && problems.isEmpty)
  }

  static let bad: [(String, [String])] = [
    ("{\"rating\": 3}", ["expected a JSON array of reviews"]),
    ("[{\"rating\": 3,", ["not valid JSON"]),
    ("", ["not valid JSON"]),
    ("[3]", ["[0]: expected an object with 'rating' and 'at'"]),
    ("[{\"at\": \"2024-03-01T09:00:00Z\"}]", ["[0].rating: missing"]),
    ("[{\"rating\": 5, \"at\": \"2024-03-01T09:00:00Z\"}]", ["[0].rating: 5 is not a rating"]),
    ("[{\"rating\": 0, \"at\": \"2024-03-01T09:00:00Z\"}]", ["[0].rating: 0 is not a rating"]),
    ("[{\"rating\": 2.5, \"at\": \"2024-03-01T09:00:00Z\"}]", ["[0].rating: 2.5 is not a rating"]),
    (
      "[{\"rating\": \"good\", \"at\": \"2024-03-01T09:00:00Z\"}]",
      ["[0].rating: 'good' is not a rating"]
    ),
    (
      "[{\"rating\": true, \"at\": \"2024-03-01T09:00:00Z\"}]", ["[0].rating: true is not a rating"]
    ),
    ("[{\"rating\": 3}]", ["[0].at: missing"]),
    ("[{\"rating\": 3, \"at\": \"yesterday\"}]", ["[0].at: 'yesterday' is not an ISO-8601"]),
    ("[{\"rating\": 3, \"at\": 1709283600}]", ["[0].at: 1709283600 is not an ISO-8601"]),
    ("[{\"rating\": 3, \"at\": \"2024-02-30T09:00:00Z\"}]", ["[0].at: '2024-02-30T09:00:00Z'"]),
    ("[{\"rating\": 3, \"at\": \"2023-02-29T09:00:00.000Z\"}]", ["[0].at: '2023-02-29"]),
    ("[{\"rating\": 3, \"at\": \"2024-03-01T24:00:00Z\"}]", ["[0].at: '2024-03-01T24"]),
    (
      "[{\"rating\": 3, \"at\": \"2024-03-02T09:00:00Z\"}, {\"rating\": 3, \"at\": \"2024-03-01T09:00:00Z\"}]",
      ["[1].at: 2024-03-01T09:00:00.000Z is before the review before it (2024-03-02T09:00:00.000Z)"]
    ),
    // Every problem at once, each with its index.
    (
      "[{\"rating\": 9, \"at\": \"x\"}, {}, {\"rating\": 1, \"at\": \"2024-03-01T09:00:00Z\"}]",
      ["[0].rating: 9", "[0].at: 'x'", "[1].rating: missing", "[1].at: missing"]
    ),
  ]

  @Test("bad input names the index and what is wrong", arguments: bad)
  func badInput(json: String, expected: [String]) {
    let (_, problems) = FSRSReplay.parse(Data(json.utf8))
    #expect(problems.count == expected.count)
    for (problem, prefix) in zip(problems, expected) {
      #expect(problem.message.hasPrefix(prefix), "\(problem.message)")
    }
  }

  /// Dates across the writable range, leap days and the ends of the range among them.
  static let instants: [Int64] = [
    -2_208_988_800_000, -2_203_891_200_001, -1, 0, 951_782_400_000, 951_868_799_999,
    1_709_164_800_123, 4_107_542_399_999, 253_402_300_799_999,
  ]

  @Test("hand-made timestamps are what SessionCoding writes and reads", arguments: instants)
  func timestamps(milliseconds: Int64) {
    for step in Int64(0)..<2_000 {
      let date = Date(timeIntervalSince1970: Double(milliseconds - step * 86_399_937) / 1000)
      let written = SessionCoding.string(from: date)
      #expect(FSRSReplay.timestamp(date) == written)
      if let written {
        #expect(FSRSReplay.date(from: written) == SessionCoding.date(from: written), "\(written)")
        let seconds = String(written.prefix(19)) + "Z"
        #expect(FSRSReplay.date(from: seconds) == SessionCoding.date(from: seconds), "\(seconds)")
      }
    }
  }

  @Test("timestamps round to the nearest millisecond and stop at the years 1900 and 9999")
  func timestampEdges() {
    #expect(
      FSRSReplay.timestamp(Date(timeIntervalSince1970: 1_700_000_007.918))
        == "2023-11-14T22:13:27.918Z")
    #expect(
      FSRSReplay.timestamp(Date(timeIntervalSince1970: 1_700_000_000.999_6))
        == "2023-11-14T22:13:21.000Z")
    #expect(FSRSReplay.timestamp(Date(timeIntervalSince1970: 253_402_300_800)) == nil)
    #expect(FSRSReplay.timestamp(Date(timeIntervalSince1970: -2_208_988_800.001)) == nil)
    #expect(FSRSReplay.timestamp(Date(timeIntervalSince1970: .nan)) == nil)
    #expect(FSRSReplay.date(from: "2000-02-29T00:00:00Z") != nil)
    #expect(FSRSReplay.date(from: "1900-02-29T00:00:00Z") == nil)
  }

  @Test(
    "the fast reader reads what the decoder reads, and leaves to it everything else",
    arguments: [
      (
        #"[{"rating": 3, "at": "2024-03-01T09:00:00.000Z"}, "#
          + #"{"at": "2024-03-02T09:00:00Z", "rating": 1}]"#,
        true
      ),
      (
        #"[ {"rating":4,"at":"2024-03-01T09:00:00.5Z","#
          + #""note":"x","n":-1.5e3,"ok":true,"z":null} ]"#,
        true
      ),
      ("[]", true),
      (#"[{"rating": 3.0, "at": "2024-03-01T09:00:00Z"}]"#, false),
      (#"[{"rating": 3, "at": "2024-03-01T09:00:00Z", "more": {"a": 1}}]"#, false),
      (#"[{"rating": 3, "at": "2024\u002d03-01T09:00:00Z"}]"#, false),
      (#"[{"rating": 3, "rating": 2, "at": "2024-03-01T09:00:00Z"}]"#, false),
      (#"[{"rating": 5, "at": "2024-03-01T09:00:00Z"}]"#, false),
      (
        #"[{"rating": 3, "at": "2024-03-02T09:00:00Z"}, {"rating": 3, "at": "2024-03-01T09:00:00Z"}]"#,
        false
      ),
      (#"[{"rating": 3, "at": "2024-03-01T09:00:00Z"}] x"#, false),
    ])
  func fastReader(text: String, fast: Bool) {
    let data = Data(text.utf8)
    let read = FSRSReplay.readFast(data)
    #expect((read != nil) == fast)
    if let read { #expect(read == FSRSReplay.parseWithDecoder(data).reviews) }
    #expect(FSRSReplay.parse(data).reviews == FSRSReplay.parseWithDecoder(data).reviews)
  }
}
