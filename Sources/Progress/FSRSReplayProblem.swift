import Foundation

/// What is wrong with one place of a review history given to `FSRSReplay.parse`.
public struct FSRSReplayProblem: Error, Sendable, Equatable, CustomStringConvertible {
  /// Why a history cannot be replayed.
  public enum Reason: Sendable, Equatable {
    /// The text is not JSON; the detail says where.
    case notJSON(String)
    /// The JSON is not an array.
    case notAnArray
    /// An element is not an object.
    case notAnObject
    /// An element lacks this key (or it is null).
    case missing(String)
    /// The rating, as written, is not 1, 2, 3 or 4.
    case badRating(String)
    /// The date, as written, is not an ISO-8601 date and time.
    case badDate(String)
    /// The review is dated before the review before it.
    case backwards(at: Date, previous: Date)
  }

  /// The index of the review in the array; nil for a problem with the whole input.
  public var index: Int?
  /// What is wrong.
  public var reason: Reason

  /// A problem at `index` (nil: the whole input).
  public init(index: Int?, reason: Reason) {
    self.index = index
    self.reason = reason
  }

  /// The text shown to the user, e.g. `[3].rating: 5 is not a rating: use 1 (again), 2
  /// (hard), 3 (good) or 4 (easy)`.
  public var message: String {
    let place = index.map { "[\($0)]" } ?? ""
    switch reason {
    case .notJSON(let detail):
      return detail
    case .notAnArray:
      return "expected a JSON array of reviews ({\"rating\": 1-4, \"at\": \"ISO-8601 UTC\"})"
    case .notAnObject:
      return "\(place): expected an object with 'rating' and 'at'"
    case .missing(let key):
      return "\(place).\(key): missing"
    case .badRating(let written):
      return "\(place).rating: \(written) is not a rating: use 1 (again), 2 (hard), 3 (good) "
        + "or 4 (easy)"
    case .badDate(let written):
      return "\(place).at: \(written) is not an ISO-8601 date and time in UTC "
        + "(e.g. 2024-03-01T09:41:07Z)"
    case .backwards(let at, let previous):
      return "\(place).at: \(Self.text(at)) is before the review before it "
        + "(\(Self.text(previous))); reviews must be in time order"
    }
  }

  /// The same as `message`.
  public var description: String { message }

  private static func text(_ date: Date) -> String {
    SessionCoding.string(from: date) ?? "\(date.timeIntervalSince1970) s"
  }
}
