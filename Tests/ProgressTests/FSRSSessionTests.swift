import Foundation
import Identifiers
import Testing

@testable import Progress

/// The review state kept per item in the session: filled by `record`, listed by `due`.
@Suite("FSRS in the session")
struct FSRSSessionTests {
  static let start = Date(timeIntervalSince1970: 1_709_283_600.25)  // 2024-03-01T09:00:00.250Z
  static let minute: TimeInterval = 60
  static let day: TimeInterval = 86_400

  static func answer(
    _ item: String, correct: Bool = true, at: Date, durationMs: Int = 20_000, hints: Int = 0
  ) -> Answer {
    Answer(
      item: ItemID(item), response: correct ? ["a"] : ["b"], correct: correct, at: at,
      durationMs: durationMs, hintsUsed: hints)
  }

  @Test("recording schedules the item as the rating rule and the scheduler say")
  func recordSchedules() throws {
    var session = Session(learner: "ana", now: Self.start)
    session.record(Self.answer("l/q1", at: Self.start))  // Good: learning step 1, 10 min
    session.record(Self.answer("l/q2", correct: false, at: Self.start))  // Again: 1 min
    session.record(Self.answer("l/q3", at: Self.start, hints: 1))  // Hard: 5.5 min
    session.record(Self.answer("case/random:7/best", at: Self.start))  // one-off: no record
    let q1 = try #require(session.items["l/q1"]?.review)
    #expect(q1.phase == .learning && q1.step == 1 && q1.stability == 2.3065)
    #expect(q1.due == Self.start + 10 * Self.minute)
    #expect(session.items["l/q2"]?.review?.due == Self.start + Self.minute)
    #expect(session.items["l/q3"]?.review?.due == Self.start + 330)
    #expect(session.items["case/random:7/best"] == nil && session.answerCount == 4)
  }

  @Test("record(_:) is record(_:scheduler:) with the default scheduler")
  func defaultScheduler() {
    var plain = Session(learner: "ana", now: Self.start)
    var explicit = plain
    var relaxed = plain
    let answers = [
      Self.answer("l/q1", at: Self.start), Self.answer("l/q1", at: Self.start + 11 * Self.minute),
      Self.answer("l/q1", at: Self.start + 3 * Self.day),
    ]
    for answer in answers {
      plain.record(answer)
      explicit.record(answer, scheduler: FSRSScheduler())
      relaxed.record(answer, scheduler: FSRSScheduler(desiredRetention: 0.8))
    }
    #expect(plain == explicit)
    #expect(plain.items["l/q1"]?.review?.reps == 3)
    let usual = plain.items["l/q1"]?.review?.due ?? .distantPast
    #expect((relaxed.items["l/q1"]?.review?.due ?? .distantPast) > usual)
  }

  @Test("a fast right answer on an item in review, right before, is Easy")
  func easyInReview() throws {
    var session = Session(learner: "ana", now: Self.start)
    session.record(Self.answer("l/q1", at: Self.start))
    session.record(Self.answer("l/q1", at: Self.start + 10 * Self.minute))  // graduates
    let before = try #require(session.items["l/q1"])
    #expect(before.review?.phase == .review)
    let fast = Self.answer("l/q1", at: Self.start + 3 * Self.day, durationMs: 4_000)
    #expect(RatingRule.rating(for: fast, previous: before) == .easy)
    session.record(fast)
    let expected = FSRSScheduler().review(before.review, rating: .easy, at: fast.at)
    #expect(session.items["l/q1"]?.review == expected)
  }

  @Test("an item recorded before scheduling starts afresh on its next answer")
  func legacyRecord() throws {
    var session = Session(learner: "ana", now: Self.start)
    session.items["l/q1"] = ItemRecord(attempts: 4, correctCount: 3)
    session.record(Self.answer("l/q1", at: Self.start))
    let record = try #require(session.items["l/q1"])
    #expect(record.attempts == 5 && record.review?.reps == 1 && record.review?.phase == .learning)
  }

  @Test("due lists the items due by a date, oldest due first, ties by id")
  func dueItems() {
    var session = Session(learner: "ana", now: Self.start)
    session.record(Self.answer("l/b", at: Self.start))  // due +10 min
    session.record(Self.answer("l/a", at: Self.start))  // due +10 min
    session.record(Self.answer("l/c", correct: false, at: Self.start))  // due +1 min
    session.record(Self.answer("l/d", at: Self.start, hints: 1))  // due +5.5 min
    #expect(session.due(at: Self.start).isEmpty)
    #expect(session.due(at: Self.start + Self.minute).map(\.item) == ["l/c"])
    #expect(session.due(at: Self.start + 9 * Self.minute).map(\.item) == ["l/c", "l/d"])
    let all = session.due(at: Self.start, within: 10 * Self.minute)
    #expect(all.map(\.item) == ["l/c", "l/d", "l/a", "l/b"])
    #expect(all.map(\.due) == [60, 330, 600, 600].map { Self.start + $0 })
  }

  @Test("review states survive the session file, and files without them still open")
  func roundTrip() throws {
    var session = Session(learner: "ana", now: Self.start)
    session.record(Self.answer("l/q1", at: Date(timeIntervalSince1970: 1_709_283_600.918)))
    session.record(Self.answer("l/q1", at: Self.start + 2 * Self.day + 0.0004))
    let data = try SessionCoding.encode(session)
    let read = try SessionCoding.decode(data, path: "ana.json", learner: LearnerName("ana"))
    // Answers keep the time given until saved; review states are rounded when recorded.
    #expect(read == session.roundedToMilliseconds)
    #expect(read.items["l/q1"]?.review == session.items["l/q1"]?.review)
    var old = session
    old.items["l/q1"]?.review = nil
    let text = String(decoding: try SessionCoding.encode(old), as: UTF8.self)
    #expect(!text.contains("review"))
    let reread = try SessionCoding.decode(
      Data(text.utf8), path: "ana.json", learner: LearnerName("ana"))
    #expect(reread == old.roundedToMilliseconds)
  }

  static let badReviews: [(String, String, String)] = [
    (
      "\"stability\" : 2.3065", "\"stability\" : -1",
      "items.l/q1.review.stability: -1.0 is not a positive"
    ),
    (
      "\"difficulty\" : 2.118103970459016", "\"difficulty\" : 11",
      "items.l/q1.review.difficulty: 11.0 is outside 1-10"
    ),
    ("\"step\" : 1", "\"step\" : -1", "items.l/q1.review.step: -1 cannot be negative"),
    ("\"phase\" : \"learning\"", "\"phase\" : \"later\"", "items.l/q1.review.phase"),
    ("\"reps\" : 1", "\"reps\" : -2", "items.l/q1.review.reps: -2 cannot be negative"),
  ]

  @Test("a hand-edited review state is refused with its place", arguments: badReviews)
  func badReview(written: String, edited: String, expected: String) throws {
    var session = Session(learner: "ana", now: Self.start)
    session.record(Self.answer("l/q1", at: Self.start))
    let text = String(decoding: try SessionCoding.encode(session), as: UTF8.self)
    #expect(text.contains(written))
    let data = Data(text.replacingOccurrences(of: written, with: edited).utf8)
    #expect {
      try SessionCoding.decode(data, path: "ana.json", learner: LearnerName("ana"))
    } throws: { error in
      guard case .corrupt(_, let detail) = error as? ProgressError else { return false }
      return detail.hasPrefix(expected)
    }
  }
}
