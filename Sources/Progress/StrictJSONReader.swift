import Foundation
import Identifiers

/// Reads JSON as nelm writes it straight from the bytes, without `JSONDecoder`, where decoding
/// was most of the cost: the items of a session file (`SessionItemsReader`, on the way to the
/// first prompt), the lines of the answer log (`LogLineReader`, read whole by the exports and
/// `nelm sync`) and a review history (`FSRSReplay.readFast`, for `schedule replay`).
///
/// Strict by design: only the keys nelm writes, no escapes, no `null` where nelm writes none,
/// whole numbers of at most 18 digits, dates `Timestamp` reads, review states the scheduler
/// can work from, each key once. Anything else gives nil, and the caller decodes with the
/// decoder, which names the problem: nothing is accepted here that the decoder would refuse.
struct StrictJSONReader {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Whether only blanks are left.
  mutating func atEnd() -> Bool {
    skipSpace()
    return index == bytes.count
  }

  /// An answer object (an item's `last`).
  mutating func answer() -> Answer? {
    var fields = AnswerFields()
    let finished = object { reader, key in fields.read(key, &reader) ?? false }
    return finished ? fields.answer : nil
  }

  mutating func review() -> ReviewState? {
    var stability: Double?
    var difficulty: Double?
    var due: Date?
    var phase: ReviewPhase?
    var step: Int?
    var lastReview: Date?
    var reps: Int?
    var lapses: Int?
    let finished = object { reader, key in
      if reader.equal(key, "stability") {
        return store(&stability, reader.number())
      } else if reader.equal(key, "difficulty") {
        return store(&difficulty, reader.number())
      } else if reader.equal(key, "due") {
        return store(&due, reader.date())
      } else if reader.equal(key, "phase") {
        let word = reader.string().flatMap { reader.text($0) }
        return store(&phase, word.flatMap(ReviewPhase.init(rawValue:)))
      } else if reader.equal(key, "step") {
        return store(&step, reader.integer())
      } else if reader.equal(key, "lastReview") {
        return store(&lastReview, reader.date())
      } else if reader.equal(key, "reps") {
        return store(&reps, reader.integer())
      } else if reader.equal(key, "lapses") {
        return store(&lapses, reader.integer())
      }
      return false
    }
    guard finished, let due, let phase, let reps, let lapses else { return nil }
    let state = ReviewState(
      stability: stability, difficulty: difficulty, due: due, phase: phase, step: step,
      lastReview: lastReview, reps: reps, lapses: lapses)
    return state.isSchedulable ? state : nil
  }

  /// Reads an object, calling `member` for each key (with the reader just before its
  /// value); false when the object is not one this reader takes or `member` says so.
  mutating func object(_ member: (inout StrictJSONReader, Range<Int>) -> Bool) -> Bool {
    skipSpace()
    guard take(UInt8(ascii: "{")) else { return false }
    skipSpace()
    if take(UInt8(ascii: "}")) { return true }
    while true {
      skipSpace()
      guard let key = string() else { return false }
      skipSpace()
      guard take(UInt8(ascii: ":")) else { return false }
      skipSpace()
      guard member(&self, key) else { return false }
      skipSpace()
      if take(UInt8(ascii: ",")) { continue }
      return take(UInt8(ascii: "}"))
    }
  }

  mutating func strings() -> [String]? {
    guard take(UInt8(ascii: "[")) else { return nil }
    var values: [String] = []
    skipSpace()
    if take(UInt8(ascii: "]")) { return values }
    while true {
      skipSpace()
      guard let range = string(), let value = text(range) else { return nil }
      values.append(value)
      skipSpace()
      if take(UInt8(ascii: ",")) { continue }
      return take(UInt8(ascii: "]")) ? values : nil
    }
  }

  /// Skips any value of the top level but `items` (the decoder reads them).
  mutating func skipValue(depth: Int) -> Bool {
    guard depth < 64, index < bytes.count else { return false }
    switch bytes[index] {
    case UInt8(ascii: "{"):
      return object { reader, _ in reader.skipValue(depth: depth + 1) }
    case UInt8(ascii: "["):
      index += 1
      skipSpace()
      if take(UInt8(ascii: "]")) { return true }
      while true {
        skipSpace()
        guard skipValue(depth: depth + 1) else { return false }
        skipSpace()
        if take(UInt8(ascii: ",")) { continue }
        return take(UInt8(ascii: "]"))
      }
    case UInt8(ascii: "\""):
      // Escapes are allowed here: the decoder reads these strings.
      index += 1
      while index < bytes.count {
        if bytes[index] == UInt8(ascii: "\"") {
          index += 1
          return true
        }
        index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
      }
      return false
    default:
      let start = index
      while index < bytes.count, Self.isNumberOrWord(bytes[index]) { index += 1 }
      return index > start
    }
  }

  /// A string without escapes or control characters: the range of its contents.
  mutating func string() -> Range<Int>? {
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

  /// The text of a string's contents; nil when they are not UTF-8.
  func text(_ range: Range<Int>) -> String? {
    let slice = UnsafeBufferPointer(rebasing: bytes[range])
    // ASCII, as every id and word nelm writes, is UTF-8 as it stands: `String(validating:)`
    // runs generic code for each of the thousands of strings of a session's items.
    if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
    return String(validating: slice, as: UTF8.self)
  }

  mutating func date() -> Date? {
    guard let range = string() else { return nil }
    return Timestamp.date(utf8: UnsafeBufferPointer(rebasing: bytes[range]))
  }

  mutating func boolean() -> Bool? {
    if word("true") { return true }
    if word("false") { return false }
    return nil
  }

  mutating func word(_ text: StaticString) -> Bool {
    let end = index + text.utf8CodeUnitCount
    guard end <= bytes.count, equal(index..<end, text) else { return false }
    index = end
    return true
  }

  /// A whole number of at most 18 digits (it fits an Int), without fraction or exponent.
  mutating func integer() -> Int? {
    let negative = take(UInt8(ascii: "-"))
    var value = 0
    let start = index
    while index < bytes.count, Self.isDigit(bytes[index]) {
      value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
      index += 1
    }
    let count = index - start
    guard count > 0, count <= 18, !(count > 1 && bytes[start] == UInt8(ascii: "0")),
      !(negative && value == 0), !followedByFraction()
    else { return nil }
    return negative ? -value : value
  }

  /// A finite number in JSON's grammar, parsed as the decoder parses it.
  mutating func number() -> Double? {
    let start = index
    _ = take(UInt8(ascii: "-"))
    let digits = index
    skipDigits()
    guard index > digits, !(index - digits > 1 && bytes[digits] == UInt8(ascii: "0")) else {
      return nil
    }
    var whole = true
    if take(UInt8(ascii: ".")) {
      whole = false
      let fraction = index
      skipDigits()
      guard index > fraction else { return nil }
    }
    if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
      whole = false
      if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
      let exponent = index
      skipDigits()
      guard index > exponent else { return nil }
    }
    // `JSONInspection` refuses a whole number longer than 18 characters that does not fit
    // 64 bits, even where a decimal is read: those are left to it.
    guard index - start <= (whole ? 18 : 40) else { return nil }
    let value = Double(String(decoding: bytes[start..<index], as: UTF8.self))
    return value.flatMap { $0.isFinite ? $0 : nil }
  }

  mutating func skipDigits() {
    while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
  }

  // Byte tests as comparisons: `"0123456789".utf8.contains` walked a string for each byte,
  // a tenth of opening a session of 1,000 answers.
  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// A byte of a number, `true`, `false` or `null`.
  static func isNumberOrWord(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
      UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "t"),
      UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "f"), UInt8(ascii: "a"),
      UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "n"):
      true
    default: false
    }
  }

  func followedByFraction() -> Bool {
    index < bytes.count
      && (bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e"))
  }

  /// Whether the bytes in `range` are `text`: one `memcmp`, since every key is compared with
  /// several names (a zip of the two took a fifth of reading a session's items).
  func equal(_ range: Range<Int>, _ text: StaticString) -> Bool {
    guard range.count == text.utf8CodeUnitCount, let base = bytes.baseAddress else {
      return false
    }
    return memcmp(base + range.lowerBound, text.utf8Start, range.count) == 0
  }

  mutating func take(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  mutating func skipSpace() {
    while index < bytes.count,
      bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
        || bytes[index] == 0x09
    {
      index += 1
    }
  }
}

/// Stores `value` in `slot` once: false for a missing value or a key written twice.
func store<Value>(_ slot: inout Value?, _ value: Value?) -> Bool {
  guard slot == nil, let value else { return false }
  slot = value
  return true
}

/// The keys of an answer, gathered one at a time: an item's `last` holds only these, a log
/// line these and the answer's effects.
struct AnswerFields {
  private var item: String?
  private var response: [String]?
  private var correct: Bool?
  private var skipped: Bool?
  private var at: Date?
  private var durationMs: Int?
  private var hintsUsed: Int?
  private var outcome: String?

  /// Reads the value of `key` when it is an answer's key: whether it was read (once, and as
  /// the right type); nil for any other key, left unread.
  mutating func read(_ key: Range<Int>, _ reader: inout StrictJSONReader) -> Bool? {
    if reader.equal(key, "item") {
      return store(&item, reader.string().flatMap { reader.text($0) })
    } else if reader.equal(key, "response") {
      return store(&response, reader.strings())
    } else if reader.equal(key, "correct") {
      return store(&correct, reader.boolean())
    } else if reader.equal(key, "skipped") {
      return store(&skipped, reader.boolean())
    } else if reader.equal(key, "at") {
      return store(&at, reader.date())
    } else if reader.equal(key, "durationMs") {
      return store(&durationMs, reader.integer())
    } else if reader.equal(key, "hintsUsed") {
      return store(&hintsUsed, reader.integer())
    } else if reader.equal(key, "outcome") {
      return store(&outcome, reader.string().flatMap { reader.text($0) })
    }
    return nil
  }

  /// The answer, when every key it needs was read.
  var answer: Answer? {
    guard let item, let response, let correct, let skipped, let at, let durationMs, let hintsUsed
    else { return nil }
    return Answer(
      item: ItemID(item), response: response, correct: correct, skipped: skipped, at: at,
      durationMs: durationMs, hintsUsed: hintsUsed, outcome: outcome.map { Outcome(rawValue: $0) })
  }
}
