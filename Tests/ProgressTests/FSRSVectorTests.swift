import Foundation
import Testing

@testable import Progress

/// Replays the histories of `Fixtures/fsrs/vectors.json`, scheduled by the PyPI `fsrs`
/// package (see `make_vectors.py`), and expects nelm's scheduler to agree after every review.
@Suite("FSRS reference vectors")
struct FSRSVectorTests {
  struct Vectors: Decodable {
    var fsrs: String
    var configs: [Config]
  }

  struct Config: Decodable {
    var name: String
    var parameters: [Double]
    var desiredRetention: Double
    var learningSteps: [Double]
    var relearningSteps: [Double]
    var maximumInterval: Int
    var histories: [[Review]]

    var scheduler: FSRSScheduler {
      FSRSScheduler(
        parameters: parameters, desiredRetention: desiredRetention,
        learningSteps: learningSteps, relearningSteps: relearningSteps,
        maximumInterval: maximumInterval)
    }
  }

  struct Review: Decodable {
    var rating: Int
    var at: String
    var stability: Double
    var difficulty: Double
    var due: String
    var state: String
    var step: Int?
  }

  static let vectors: Vectors? = {
    guard let url = Bundle.module.url(forResource: "Fixtures/fsrs/vectors", withExtension: "json"),
      let data = try? Data(contentsOf: url)
    else { return nil }
    return try? JSONDecoder().decode(Vectors.self, from: data)
  }()

  static var configNames: [String] { vectors?.configs.map(\.name) ?? [] }

  /// Milliseconds since 1970 of an ISO-8601 date, or nil.
  static func milliseconds(_ text: String) -> Int64? {
    SessionCoding.date(from: text).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
  }

  @Test("the fixture loads, with enough histories of 1-30 reviews")
  func fixtureShape() throws {
    let vectors = try #require(Self.vectors)
    #expect(vectors.fsrs.hasPrefix("6."))
    let histories = vectors.configs.flatMap(\.histories)
    #expect(histories.count >= 200)
    #expect(histories.allSatisfy { (1...30).contains($0.count) })
    #expect(vectors.configs.first?.scheduler == FSRSScheduler())
  }

  @Test("every review agrees with the fsrs package", arguments: configNames)
  func replay(configName: String) throws {
    let config = try #require(Self.vectors?.configs.first { $0.name == configName })
    let scheduler = config.scheduler
    for (number, history) in config.histories.enumerated() {
      var state: ReviewState?
      for (index, expected) in history.enumerated() {
        let place = "\(configName), history \(number), review \(index)"
        let rating = try #require(ReviewRating(rawValue: expected.rating), "\(place)")
        let at = try #require(SessionCoding.date(from: expected.at), "\(place)")
        let next = scheduler.review(state, rating: rating, at: at)
        let stability = try #require(next.stability, "\(place)")
        let difficulty = try #require(next.difficulty, "\(place)")
        #expect(abs(stability - expected.stability) <= 1e-6, "\(place)")
        #expect(abs(difficulty - expected.difficulty) <= 1e-6, "\(place)")
        #expect(
          Int64((next.due.timeIntervalSince1970 * 1000).rounded())
            == Self.milliseconds(expected.due), "\(place)")
        #expect(next.phase.rawValue == expected.state, "\(place)")
        #expect(next.step == expected.step, "\(place)")
        #expect(next.lastReview == at && next.reps == index + 1, "\(place)")
        // Stop at the first disagreement: the rest of the history would only echo it.
        if stability != expected.stability && abs(stability - expected.stability) > 1e-6 {
          break
        }
        state = next
      }
    }
  }
}
