import Foundation

/// What `JSONDecoder` passes over in a session file or log line, found by walking the bytes:
/// a key written twice in one object (nelm's decoder would take the first, most tools the
/// last, so the file would mean different things to each) and a number too large for the
/// type it is read as (the decoder only says "not valid JSON").
///
/// Only valid JSON is expected here (the decoder reports syntax errors with a position);
/// anything the walk cannot follow simply ends it without a finding. It runs on every open,
/// so the walk allocates nothing for a sound file: keys are compared by a hash of their bytes
/// (an escaped key by its decoded text), places are built only for a finding.
///
/// Given the shape of the file's records (`JSONShape`), the walk also says whether any record
/// holds a key this nelm does not know: only then does decoding pay for keeping them.
struct JSONInspection {
  /// What the walk found.
  struct Result {
    /// A key written twice or a number out of range, as a sentence naming where.
    var problem: String?
    /// Whether a record holds a key its shape does not know.
    var hasUnknownKeys = false
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var hasUnknownKeys = false
  /// Where the value being read sits: each level's key (its byte range) or array position.
  private var path: [Step] = []

  private enum Step {
    case key(Range<Int>)
    case position(Int)
  }

  /// The first duplicate key or out-of-range number in `bytes`, as a sentence naming where.
  static func firstProblem(in bytes: some Collection<UInt8>) -> String? {
    inspect(bytes, as: .any).problem
  }

  /// Walks `bytes`, whose top level has `shape`.
  static func inspect(_ bytes: some Collection<UInt8>, as shape: JSONShape) -> Result {
    let array = Array(bytes)
    return array.withUnsafeBufferPointer { buffer in
      var walk = JSONInspection(bytes: buffer)
      do {
        try walk.value(depth: 0, shape: shape)
        return Result(problem: nil, hasUnknownKeys: walk.hasUnknownKeys)
      } catch let finding as Finding {
        return Result(problem: finding.text, hasUnknownKeys: true)
      } catch {
        // Not JSON the walk can follow: the decoder will say what is wrong.
        return Result(problem: nil, hasUnknownKeys: true)
      }
    }
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  private struct Finding: Error { var text: String }
  private struct Unreadable: Error {}

  /// The place being read, as `DecodingDetail` writes it: `items.x.attempts`, `a[1]`.
  private var place: String {
    guard !path.isEmpty else { return "the top level" }
    var out = ""
    for step in path {
      switch step {
      case .key(let range):
        out += (out.isEmpty ? "" : ".") + ProgressError.printable(text(of: range))
      case .position(let position): out += "[\(position)]"
      }
    }
    return out
  }

  private mutating func skipSpace() {
    while index < bytes.count,
      bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 || bytes[index] == 0x0D
    {
      index += 1
    }
  }

  private mutating func value(depth: Int, shape: JSONShape) throws {
    guard depth < 256 else { throw Unreadable() }
    skipSpace()
    guard index < bytes.count else { throw Unreadable() }
    switch bytes[index] {
    case UInt8(ascii: "{"): try object(depth: depth, shape: shape)
    case UInt8(ascii: "["): try array(depth: depth)
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
    default:
      // true, false, null
      while index < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index]) {
        index += 1
      }
    }
  }

  private mutating func object(depth: Int, shape: JSONShape) throws {
    index += 1
    // Keys by the hash of their text, with where each was written (to confirm a match).
    var seen: [UInt64: Range<Int>] = [:]
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Unreadable() }
      let key = try string()
      let hash = self.hash(of: key)
      if let earlier = seen[hash], text(of: earlier) == text(of: key) {
        throw Finding(
          text: "key '\(ProgressError.printable(text(of: key)))' appears twice in \(place); "
            + "nelm would read the first, other tools the last: keep one")
      }
      seen[hash] = key
      var child = JSONShape.any
      switch shape {
      case .any: break
      case .map(let values): child = values
      case .record(let fields):
        if let field = fields[hash], field.name.elementsEqual(bytes[key]) {
          child = field.value
        } else {
          hasUnknownKeys = true
        }
      }
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Unreadable() }
      index += 1
      path.append(.key(key))
      try value(depth: depth + 1, shape: child)
      path.removeLast()
      skipSpace()
      guard index < bytes.count else { throw Unreadable() }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw Unreadable() }
      index += 1
      return
    }
  }

  private mutating func array(depth: Int) throws {
    index += 1
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return
    }
    var position = 0
    while true {
      path.append(.position(position))
      try value(depth: depth + 1, shape: .any)
      path.removeLast()
      position += 1
      skipSpace()
      guard index < bytes.count else { throw Unreadable() }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw Unreadable() }
      index += 1
      return
    }
  }

  /// Skips a string; its contents' byte range (between the quotes, escapes undecoded).
  private mutating func string() throws -> Range<Int> {
    index += 1
    let start = index
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "\""):
        index += 1
        return start..<index - 1
      case UInt8(ascii: "\\"): index += 2
      default: index += 1
      }
    }
    throw Unreadable()
  }

  /// FNV-1a of a key's text: its raw bytes, or its decoded text when it holds an escape (so
  /// `"a"` and `"\u0061"` are the same key).
  private func hash(of range: Range<Int>) -> UInt64 {
    bytes[range].contains(UInt8(ascii: "\\"))
      ? Self.hash(text(of: range).utf8) : Self.hash(bytes[range])
  }

  /// FNV-1a, 64 bits.
  static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      value ^= UInt64(byte)
      value = value &* 0x100_0000_01b3
    }
    return value
  }

  /// A string's text with its escapes decoded.
  private func text(of range: Range<Int>) -> String {
    let raw = bytes[range]
    guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
    let quoted = Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
    return (try? JSONDecoder().decode(String.self, from: quoted))
      ?? String(decoding: raw, as: UTF8.self)
  }

  private mutating func number() throws {
    let start = index
    var whole = true
    var exponent = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        whole = false
        exponent = true
      } else if byte == UInt8(ascii: ".") {
        whole = false
      } else if !(byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte))
      {
        break
      }
      index += 1
    }
    // Up to 18 digits always fit an Int64, and a decimal without an exponent a Double: only
    // the others need a closer look (which costs a String).
    let length = index - start
    guard whole ? length > 18 : exponent || length > 300 else { return }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    let fits = whole ? Int64(text) != nil : Double(text).map(\.isFinite) ?? false
    if !fits {
      let shown = text.count > 40 ? text.prefix(40) + "…" : Substring(text)
      throw Finding(
        text: "\(place): \(shown) is out of range (nelm reads whole numbers up to "
          + "\(Int64.max) and decimals up to about 1.8e308)")
    }
  }
}

/// The shape of the records of a session file or log line, for `JSONInspection` to tell a
/// key this nelm knows from one it does not, without decoding.
indirect enum JSONShape: Sendable {
  /// Nothing is checked below here (arrays, strings, a map's values that are not records).
  case any
  /// A map from ids (lesson, case, item, step) to values of one shape.
  case map(JSONShape)
  /// A record: its known keys by hash, each with the shape of its value.
  case record([UInt64: Field])

  /// A known key of a record.
  struct Field: Sendable {
    var name: [UInt8]
    var value: JSONShape
  }

  /// A record with `keys`, some of whose values have shapes of their own.
  static func record(_ keys: Set<String>, _ children: [String: JSONShape] = [:]) -> JSONShape {
    var fields: [UInt64: Field] = [:]
    for key in keys {
      let name = Array(key.utf8)
      fields[JSONInspection.hash(name)] = Field(name: name, value: children[key] ?? .any)
    }
    return .record(fields)
  }

  /// A log line, or an item's `last`.
  static let answer = record(
    Answer.knownKeys,
    [
      "lessons": .map(record(LessonProgress.knownKeys)),
      "cases": .map(record(CaseProgress.knownKeys)),
      "quiz": record(QuizProgress.knownKeys),
      "review": record(ReviewState.knownKeys),
    ])

  /// A session file of today's format.
  static let session = record(
    Session.knownKeys,
    [
      "settings": record(Settings.knownKeys),
      "lessons": .map(record(LessonProgress.knownKeys)),
      "cases": .map(record(CaseProgress.knownKeys)),
      "quiz": record(QuizProgress.knownKeys),
      "items": .map(
        record(ItemRecord.knownKeys, ["last": answer, "review": record(ReviewState.knownKeys)])),
      "days": .map(record(DayCount.knownKeys)),
      "streak": record(Streak.knownKeys),
    ])
}
