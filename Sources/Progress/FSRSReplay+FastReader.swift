import Foundation

extension FSRSReplay {
  /// Reads a history the way nelm writes one and most tools do (an array of objects whose
  /// `rating` is a whole number and `at` a string without escapes; other keys of plain values
  /// are skipped) straight from the bytes, without building a JSON tree: `schedule replay`
  /// spends its time here otherwise. Nil for anything else, or any problem: `parse` then
  /// reads the input again with the decoder and names every problem.
  static func readFast(_ data: Data) -> [Review]? {
    data.withUnsafeBytes { raw -> [Review]? in
      var reader = StrictJSONReader(bytes: raw.bindMemory(to: UInt8.self))
      return reader.history()
    }
  }
}

// On the readers' shared primitives (`StrictJSONReader`); what is the history's own: the
// array, a rating of at most nine digits, and other keys of plain values skipped.
extension StrictJSONReader {
  fileprivate mutating func history() -> [FSRSReplay.Review]? {
    skipSpace()
    guard take(UInt8(ascii: "[")) else { return nil }
    var reviews: [FSRSReplay.Review] = []
    reviews.reserveCapacity(bytes.count / 48)
    var previous: Date?
    skipSpace()
    if take(UInt8(ascii: "]")) { return atEnd() ? reviews : nil }
    while true {
      guard let review = replayedReview(), previous.map({ review.at >= $0 }) ?? true else {
        return nil
      }
      previous = review.at
      reviews.append(review)
      skipSpace()
      if take(UInt8(ascii: ",")) {
        skipSpace()
        continue
      }
      guard take(UInt8(ascii: "]")) else { return nil }
      return atEnd() ? reviews : nil
    }
  }

  /// One review: its `rating` and `at`, other keys' plain values skipped.
  private mutating func replayedReview() -> FSRSReplay.Review? {
    var rating: ReviewRating?
    var at: Date?
    let finished = object { reader, key in
      if reader.equal(key, "rating") {
        return store(&rating, reader.rating())
      } else if reader.equal(key, "at") {
        return store(&at, reader.date())
      }
      return reader.skipPlainValue()
    }
    guard finished, let rating, let at else { return nil }
    return FSRSReplay.Review(rating: rating, at: at)
  }

  /// A rating: a whole number of at most nine digits, without sign, fraction or exponent.
  private mutating func rating() -> ReviewRating? {
    guard index < bytes.count, Self.isDigit(bytes[index]), let value = integer(),
      value < 1_000_000_000
    else { return nil }
    return ReviewRating(rawValue: value)
  }

  /// Skips a string, a number, `true`, `false` or `null`; false for anything else.
  private mutating func skipPlainValue() -> Bool {
    guard index < bytes.count else { return false }
    switch bytes[index] {
    case UInt8(ascii: "\""): return string() != nil
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let start = index
      while index < bytes.count, "-+.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
      return Double(String(decoding: bytes[start..<index], as: UTF8.self))?.isFinite ?? false
    default:
      return word("true") || word("false") || word("null")
    }
  }
}
