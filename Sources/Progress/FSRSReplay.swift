import Foundation

/// A review history given as JSON, replayed through the scheduler: what
/// `nelm schedule replay` runs, and a way to check nelm against other FSRS implementations.
///
/// The input is an array of `{"rating": 1-4, "at": "ISO-8601 date and time"}`, oldest
/// first; other keys are ignored. Every problem is reported at once, each naming its index.
public enum FSRSReplay {
  /// One review of the history.
  public struct Review: Sendable, Equatable {
    /// The rating given.
    public var rating: ReviewRating
    /// When the review took place (rounded to the millisecond, as nelm keeps dates).
    public var at: Date

    /// A review of `rating` at `at`.
    public init(rating: ReviewRating, at: Date) {
      self.rating = rating
      self.at = at
    }
  }

  /// Reads a history. The reviews are only meaningful when `problems` is empty.
  public static func parse(_ data: Data) -> (reviews: [Review], problems: [FSRSReplayProblem]) {
    if let reviews = readFast(data) { return (reviews, []) }
    return parseWithDecoder(data)
  }

  /// `parse` through `JSONDecoder`, reading every element loosely so that each problem can be
  /// named: what `parse` falls back to when the fast reader does not take the input.
  static func parseWithDecoder(_ data: Data) -> (
    reviews: [Review], problems: [FSRSReplayProblem]
  ) {
    let entries: [Entry]
    do {
      entries = try JSONDecoder().decode([Entry].self, from: data)
    } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
      return ([], [FSRSReplayProblem(index: nil, reason: .notAnArray)])
    } catch {
      let detail = DecodingDetail.describe(error, in: data)
      return ([], [FSRSReplayProblem(index: nil, reason: .notJSON(detail))])
    }
    var reviews: [Review] = []
    var problems: [FSRSReplayProblem] = []
    var previous: Date?
    for (index, entry) in entries.enumerated() {
      func problem(_ reason: FSRSReplayProblem.Reason) {
        problems.append(FSRSReplayProblem(index: index, reason: reason))
      }
      guard entry.isObject else {
        problem(.notAnObject)
        continue
      }
      var rating: ReviewRating?
      switch entry.rating {
      case nil: problem(.missing("rating"))
      case .integer(let value)?: rating = ReviewRating(rawValue: value)
      default: break
      }
      if let written = entry.rating, rating == nil { problem(.badRating(written.text)) }
      var at: Date?
      switch entry.at {
      case nil: problem(.missing("at"))
      case .string(let text)?:
        at = date(from: text)
        if at == nil { problem(.badDate(entry.at?.text ?? text)) }
      case let written?: problem(.badDate(written.text))
      }
      if let at {
        if let previous, at < previous { problem(.backwards(at: at, previous: previous)) }
        previous = at
      }
      if let rating, let at { reviews.append(Review(rating: rating, at: at)) }
    }
    return (reviews, problems)
  }

  /// The state after each review of `reviews`, in order, starting from a new item.
  public static func replay(
    _ reviews: [Review], with scheduler: FSRSScheduler = FSRSScheduler()
  ) -> [ReviewState] {
    var state: ReviewState?
    return reviews.map { review in
      let next = scheduler.review(state, rating: review.rating, at: review.at)
      state = next
      return next
    }
  }

  /// One element of the input array, read loosely so that every problem can be named.
  private struct Entry: Decodable {
    var isObject = false
    var rating: Value?
    var at: Value?

    private enum Key: String, CodingKey { case rating, at }

    init(from decoder: any Decoder) throws {
      guard let container = try? decoder.container(keyedBy: Key.self) else { return }
      isObject = true
      // The expected types first: a failed attempt throws, and throwing is slow.
      if let value = try? container.decodeIfPresent(Int.self, forKey: .rating) {
        rating = .integer(value)
      } else {
        rating = try container.decodeIfPresent(Value.self, forKey: .rating)
      }
      if let value = try? container.decodeIfPresent(String.self, forKey: .at) {
        at = .string(value)
      } else {
        at = try container.decodeIfPresent(Value.self, forKey: .at)
      }
    }
  }

  /// A JSON value as far as the history needs to know it.
  private enum Value: Decodable {
    case integer(Int)
    case number(Double)
    case string(String)
    case other(String)

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let value = try? container.decode(Int.self) {
        self = .integer(value)
      } else if let value = try? container.decode(Double.self) {
        self = .number(value)
      } else if let value = try? container.decode(String.self) {
        self = .string(value)
      } else if let value = try? container.decode(Bool.self) {
        self = .other(String(value))
      } else if container.decodeNil() {
        self = .other("null")
      } else if (try? container.decode([KeptJSON].self)) != nil {
        self = .other("an array")
      } else if (try? container.decode([String: KeptJSON].self)) != nil {
        self = .other("an object")
      } else {
        self = .other(Self.unreadable(container))
      }
    }

    /// What a value the decoder refused as every type is: a string that is not UTF-8 (a
    /// number decode says it found a string), or a number too large for any type.
    private static func unreadable(_ container: any SingleValueDecodingContainer) -> String {
      do {
        _ = try container.decode(Double.self)
      } catch DecodingError.typeMismatch {
        return "text that is not valid UTF-8"
      } catch {}
      return "a number out of range"
    }

    /// The value as the problem message shows it.
    var text: String {
      switch self {
      case .integer(let value): String(value)
      case .number(let value): String(value)
      case .string(let value): "'\(value)'"
      case .other(let value): value
      }
    }
  }
}
