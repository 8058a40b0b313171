import Foundation
import Identifiers

/// Reads the `items` of a session file as nelm writes them straight from the bytes
/// (`StrictJSONReader`), without `JSONDecoder`: building each item's summary through
/// `Codable` was most of opening a session, on the way to the first prompt. Anything it does
/// not take gives nil, and the caller decodes the whole file with the decoder.
enum SessionItemsReader {
  /// The items, and the file with their value replaced by `{}` (for the decoder to read the
  /// rest); nil for anything this reader does not take.
  static func read(_ data: Data) -> (items: [String: ItemRecord], rest: Data)? {
    data.withUnsafeBytes { raw -> (items: [String: ItemRecord], rest: Data)? in
      var reader = StrictJSONReader(bytes: raw.bindMemory(to: UInt8.self))
      guard let (items, range) = reader.topLevel() else { return nil }
      // Appended from pointers: the generic `append(contentsOf:)` casts its argument
      // dynamically, a conformance lookup on the way to the first prompt.
      let bytes = raw.bindMemory(to: UInt8.self)
      var rest = Data(capacity: data.count - range.count + 2)
      guard let base = bytes.baseAddress else { return nil }
      rest.append(base, count: range.lowerBound)
      rest.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
      rest.append(base + range.upperBound, count: bytes.count - range.upperBound)
      return (items, rest)
    }
  }
}

extension StrictJSONReader {
  /// The top-level object: the `items` value read, every other value skipped.
  fileprivate mutating func topLevel() -> ([String: ItemRecord], Range<Int>)? {
    var found: ([String: ItemRecord], Range<Int>)?
    let finished = object { reader, key in
      guard reader.equal(key, "items") else { return reader.skipValue(depth: 1) }
      guard found == nil else { return false }
      let start = reader.index
      guard let items = reader.items() else { return false }
      found = (items, start..<reader.index)
      return true
    }
    skipSpace()
    guard finished, index == bytes.count else { return nil }
    return found
  }

  private mutating func items() -> [String: ItemRecord]? {
    var items: [String: ItemRecord] = [:]
    let finished = object { reader, key in
      guard let id = reader.text(key), let record = reader.record() else { return false }
      // One hash of the id: a key written twice ends the read.
      return items.updateValue(record, forKey: id) == nil
    }
    return finished ? items : nil
  }

  private mutating func record() -> ItemRecord? {
    var attempts: Int?
    var correctCount: Int?
    var last: Answer?
    var review: ReviewState?
    var flagged: Bool?
    let finished = object { reader, key in
      if reader.equal(key, "attempts") {
        return store(&attempts, reader.integer())
      } else if reader.equal(key, "correctCount") {
        return store(&correctCount, reader.integer())
      } else if reader.equal(key, "last") {
        return store(&last, reader.answer())
      } else if reader.equal(key, "review") {
        return store(&review, reader.review())
      } else if reader.equal(key, "flagged") {
        return store(&flagged, reader.boolean())
      }
      return false
    }
    guard finished, let attempts, let correctCount else { return nil }
    var record = ItemRecord(
      attempts: attempts, correctCount: correctCount, last: last, review: review)
    record.flagged = flagged
    return record
  }
}
