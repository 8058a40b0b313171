import Foundation

/// What `JSONDecoder` passes over in a session file or log line, found by walking the bytes:
/// a key written twice in one object (nelm's decoder would take the first, most tools the
/// last, so the file would mean different things to each) and a number too large for the
/// type it is read as (the decoder only says "not valid JSON").
///
/// Only valid JSON is expected here (the decoder reports syntax errors with a position);
/// anything the walk cannot follow simply ends it without a finding.
struct JSONInspection {
  private let bytes: [UInt8]
  private var index = 0
  /// The key path of the value being read, as `DecodingDetail` writes it: `items.x.attempts`.
  private var path: [String] = []

  /// The first duplicate key or out-of-range number in `bytes`, as a sentence naming where.
  static func firstProblem(in bytes: some Collection<UInt8>) -> String? {
    var walk = JSONInspection(bytes: Array(bytes))
    do {
      try walk.value(depth: 0)
      return nil
    } catch let finding as Finding {
      return finding.text
    } catch {
      return nil
    }
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private struct Finding: Error { var text: String }
  private struct Unreadable: Error {}

  private var place: String {
    path.isEmpty ? "the top level" : path.joined(separator: ".").replacingArrayDots()
  }

  private mutating func skipSpace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  private mutating func value(depth: Int) throws {
    guard depth < 256 else { throw Unreadable() }
    skipSpace()
    guard index < bytes.count else { throw Unreadable() }
    switch bytes[index] {
    case UInt8(ascii: "{"): try object(depth: depth)
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

  private mutating func object(depth: Int) throws {
    index += 1
    var seen: Set<String> = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Unreadable() }
      let key = try string()
      if !seen.insert(key).inserted {
        throw Finding(
          text: "key '\(ProgressError.printable(key))' appears twice in \(place); "
            + "nelm would read the first, other tools the last: keep one")
      }
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Unreadable() }
      index += 1
      path.append(key)
      try value(depth: depth + 1)
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
      path.append("[\(position)]")
      try value(depth: depth + 1)
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

  /// A string's text with its escapes decoded, so `"a"` and `"\u0061"` are the same key.
  private mutating func string() throws -> String {
    index += 1
    var scalars = String.UnicodeScalarView()
    var run: [UInt8] = []
    func flush() {
      scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
      run.removeAll()
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\"") {
        flush()
        return String(scalars)
      }
      guard byte == UInt8(ascii: "\\") else {
        run.append(byte)
        continue
      }
      guard index < bytes.count else { throw Unreadable() }
      let escaped = bytes[index]
      index += 1
      switch escaped {
      case UInt8(ascii: "u"):
        flush()
        guard var unit = hex4() else { throw Unreadable() }
        if (0xD800..<0xDC00).contains(unit), index + 1 < bytes.count,
          bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
        {
          index += 2
          guard let low = hex4() else { throw Unreadable() }
          unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        }
        scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
      case UInt8(ascii: "n"): run.append(0x0A)
      case UInt8(ascii: "t"): run.append(0x09)
      case UInt8(ascii: "r"): run.append(0x0D)
      case UInt8(ascii: "b"): run.append(0x08)
      case UInt8(ascii: "f"): run.append(0x0C)
      default: run.append(escaped)
      }
    }
    throw Unreadable()
  }

  private mutating func hex4() -> UInt32? {
    guard index + 4 <= bytes.count,
      let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
    else { return nil }
    index += 4
    return value
  }

  private mutating func number() throws {
    let start = index
    var whole = true
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        whole = false
      } else if !(byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte))
      {
        break
      }
      index += 1
    }
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

extension String {
  /// `items.[0].x` as `items[0].x`.
  fileprivate func replacingArrayDots() -> String {
    replacingOccurrences(of: ".[", with: "[")
  }
}
