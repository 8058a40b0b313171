import Foundation

extension FSRSReplay {
  /// Reads a history the way nelm writes one and most tools do (an array of objects whose
  /// `rating` is a whole number and `at` a string without escapes; other keys of plain values
  /// are skipped) straight from the bytes, without building a JSON tree: `schedule replay`
  /// spends its time here otherwise. Nil for anything else, or any problem: `parse` then
  /// reads the input again with the decoder and names every problem.
  static func readFast(_ data: Data) -> [Review]? {
    data.withUnsafeBytes { raw -> [Review]? in
      var reader = FastReader(bytes: raw.bindMemory(to: UInt8.self))
      return reader.history()
    }
  }

  private struct FastReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func history() -> [Review]? {
      skipSpace()
      guard take(UInt8(ascii: "[")) else { return nil }
      var reviews: [Review] = []
      reviews.reserveCapacity(bytes.count / 48)
      var previous: Date?
      skipSpace()
      if take(UInt8(ascii: "]")) { return end() ? reviews : nil }
      while true {
        guard let review = object(), previous.map({ review.at >= $0 }) ?? true else { return nil }
        previous = review.at
        reviews.append(review)
        skipSpace()
        if take(UInt8(ascii: ",")) {
          skipSpace()
          continue
        }
        guard take(UInt8(ascii: "]")) else { return nil }
        return end() ? reviews : nil
      }
    }

    private mutating func end() -> Bool {
      skipSpace()
      return index == bytes.count
    }

    private mutating func object() -> Review? {
      guard take(UInt8(ascii: "{")) else { return nil }
      var rating: ReviewRating?
      var at: Date?
      skipSpace()
      if take(UInt8(ascii: "}")) { return nil }
      while true {
        skipSpace()
        guard let key = string() else { return nil }
        skipSpace()
        guard take(UInt8(ascii: ":")) else { return nil }
        skipSpace()
        if equal(key, "rating") {
          guard rating == nil, let value = integer(), let parsed = ReviewRating(rawValue: value)
          else { return nil }
          rating = parsed
        } else if equal(key, "at") {
          guard at == nil, let text = string(),
            let date = Timestamp.date(utf8: UnsafeBufferPointer(rebasing: bytes[text]))
          else { return nil }
          at = date
        } else if !skipPlainValue() {
          return nil
        }
        skipSpace()
        if take(UInt8(ascii: ",")) { continue }
        guard take(UInt8(ascii: "}")), let rating, let at else { return nil }
        return Review(rating: rating, at: at)
      }
    }

    /// A string without escapes: the range of its contents.
    private mutating func string() -> Range<Int>? {
      guard take(UInt8(ascii: "\"")) else { return nil }
      let start = index
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          index += 1
          return start..<index - 1
        }
        if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
        index += 1
      }
      return nil
    }

    /// A whole number of at most nine digits, without sign, fraction or exponent.
    private mutating func integer() -> Int? {
      var value = 0
      let start = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
        value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
        index += 1
      }
      let count = index - start
      guard count > 0, count < 10, !(count > 1 && bytes[start] == UInt8(ascii: "0")) else {
        return nil
      }
      if index < bytes.count,
        [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index])
      {
        return nil
      }
      return value
    }

    /// Skips a string, a number, `true`, `false` or `null`; false for anything else.
    private mutating func skipPlainValue() -> Bool {
      guard index < bytes.count else { return false }
      switch bytes[index] {
      case UInt8(ascii: "\""): return string() != nil
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        let start = index
        while index < bytes.count,
          "-+.eE0123456789".utf8.contains(bytes[index])
        {
          index += 1
        }
        return Double(String(decoding: bytes[start..<index], as: UTF8.self))?.isFinite ?? false
      default:
        for word in ["true", "false", "null"]
        where word.utf8.elementsEqual(
          bytes[index..<min(bytes.count, index + word.utf8.count)])
        {
          index += word.utf8.count
          return true
        }
        return false
      }
    }

    private func equal(_ range: Range<Int>, _ text: StaticString) -> Bool {
      range.count == text.utf8CodeUnitCount
        && zip(bytes[range], UnsafeBufferPointer(start: text.utf8Start, count: range.count))
          .allSatisfy { $0 == $1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    private mutating func skipSpace() {
      while index < bytes.count,
        bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
          || bytes[index] == 0x09
      {
        index += 1
      }
    }
  }
}
