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
}
