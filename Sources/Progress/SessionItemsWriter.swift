import Foundation

/// Writes a session file with its `items` as text, byte for byte what `JSONEncoder` writes
/// (sorted keys, two-space indents, ` : ` between key and value, numbers as the encoder
/// prints them), and the rest of the file through the encoder.
///
/// Why: a page turn writes the session file, and the items are most of it (300 KB at 1,000
/// answers). Through `JSONEncoder` each checkpoint built a tree of every item's values before
/// the text, about 1.3 MB of heap at 1,000 answers that stayed in the process's peak
/// (BENCHMARKS.md, Memory). Here the items go straight into the file's one buffer.
///
/// Anything this writer does not produce exactly as the encoder would (a key kept from a
/// newer nelm, a string with a character JSON escapes, a number that is not finite) gives
/// nil, and the caller encodes the whole session as before. A test holds the two outputs
/// equal.
enum SessionItemsWriter {
  /// The bytes of the session file, or nil to leave it to the encoder. `encode` writes the
  /// session without its items.
  static func write(_ session: Session, encode: (Session) throws -> Data) rethrows -> Data? {
    guard !session.items.isEmpty else { return nil }
    var text = Text()
    guard text.items(session.items) else { return nil }
    var rest = session
    rest.items = [:]
    let outline = try encode(rest)
    // A raw newline never occurs inside a JSON string, and only top-level keys are indented
    // by exactly two spaces, so this finds the one `items` of the file.
    let empty = Data("\n  \"items\" : {\n\n  }".utf8)
    guard let range = outline.range(of: empty) else { return nil }
    var file = Data(capacity: outline.count + text.bytes.count + 1)
    file.append(outline[outline.startIndex..<range.lowerBound])
    file.append(contentsOf: "\n  \"items\" : ".utf8)
    file.append(contentsOf: text.bytes)
    file.append(outline[range.upperBound...])
    return file
  }

  /// The items' text, built as the encoder would indent it inside the top-level object.
  private struct Text {
    var bytes: [UInt8] = []

    /// False when an item holds something only the encoder writes.
    mutating func items(_ items: [String: ItemRecord]) -> Bool {
      bytes.reserveCapacity(items.count * 700)
      return object(indent: 2, items.keys.sorted(by: Self.precedes)) { text, id in
        guard let record = items[id] else { return false }
        return text.record(record)
      }
    }

    /// The encoder's `.sortedKeys` order: by Unicode scalars, which for UTF-8 is byte order.
    private static func precedes(_ a: String, _ b: String) -> Bool {
      a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private mutating func record(_ record: ItemRecord) -> Bool {
      guard record.unknown.values.isEmpty else { return false }
      var keys = ["attempts", "correctCount"]
      if record.flagged != nil { keys.append("flagged") }
      if record.last != nil { keys.append("last") }
      if record.review != nil { keys.append("review") }
      return object(indent: 4, keys) { text, key in
        switch key {
        case "attempts": text.integer(record.attempts)
        case "correctCount": text.integer(record.correctCount)
        case "flagged": text.boolean(record.flagged == true)
        case "last": return record.last.map { text.answer($0) } ?? false
        default: return record.review.map { text.review($0) } ?? false
        }
        return true
      }
    }

    private mutating func answer(_ answer: Answer) -> Bool {
      guard answer.unknown.values.isEmpty else { return false }
      var keys = ["at", "correct", "durationMs", "hintsUsed", "item"]
      if answer.outcome != nil { keys.append("outcome") }
      keys += ["response", "skipped"]
      return object(indent: 6, keys) { text, key in
        switch key {
        case "at": return text.date(answer.at)
        case "correct": text.boolean(answer.correct)
        case "durationMs": text.integer(answer.durationMs)
        case "hintsUsed": text.integer(answer.hintsUsed)
        case "item": return text.string(answer.item.rawValue)
        case "outcome": return answer.outcome.map { text.string($0.rawValue) } ?? false
        case "response": return text.strings(answer.response, indent: 8)
        default: text.boolean(answer.skipped)
        }
        return true
      }
    }

    private mutating func review(_ review: ReviewState) -> Bool {
      guard review.unknown.values.isEmpty else { return false }
      var keys: [String] = []
      if review.difficulty != nil { keys.append("difficulty") }
      keys += ["due", "lapses"]
      if review.lastReview != nil { keys.append("lastReview") }
      keys += ["phase", "reps"]
      if review.stability != nil { keys.append("stability") }
      if review.step != nil { keys.append("step") }
      return object(indent: 6, keys) { text, key in
        switch key {
        case "difficulty": return review.difficulty.map { text.number($0) } ?? false
        case "due": return text.date(review.due)
        case "lapses": text.integer(review.lapses)
        case "lastReview": return review.lastReview.map { text.date($0) } ?? false
        case "phase": return text.string(review.phase.rawValue)
        case "reps": text.integer(review.reps)
        case "stability": return review.stability.map { text.number($0) } ?? false
        default: review.step.map { text.integer($0) }
        }
        return true
      }
    }

    /// An object whose closing brace goes at `indent` and whose members one level deeper,
    /// `keys` in the order given (sorted by the caller); `value` writes each member's value.
    private mutating func object(
      indent: Int, _ keys: [String], _ value: (inout Text, String) -> Bool
    ) -> Bool {
      container("{", "}", indent: indent, keys) { text, key in
        guard text.string(key) else { return false }
        text.append(" : ")
        return value(&text, key)
      }
    }

    private mutating func strings(_ values: [String], indent: Int) -> Bool {
      container("[", "]", indent: indent, values) { text, value in text.string(value) }
    }

    /// The encoder's layout of an object or array: each element on its own line one level
    /// deeper, and an empty one as the open and close around a blank line.
    private mutating func container(
      _ open: String, _ close: String, indent: Int, _ elements: [String],
      _ element: (inout Text, String) -> Bool
    ) -> Bool {
      append(open + "\n")
      if elements.isEmpty { append("\n") }
      for (index, value) in elements.enumerated() {
        if index > 0 { append(",\n") }
        spaces(indent + 2)
        guard element(&self, value) else { return false }
      }
      if !elements.isEmpty { append("\n") }
      spaces(indent)
      append(close)
      return true
    }

    /// A string the encoder writes as it is: no quote, backslash or control character (a
    /// slash is not escaped either: `.withoutEscapingSlashes`).
    private mutating func string(_ value: String) -> Bool {
      let utf8 = value.utf8
      guard
        !utf8.contains(where: {
          $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7F
        })
      else { return false }
      bytes.append(UInt8(ascii: "\""))
      bytes.append(contentsOf: utf8)
      bytes.append(UInt8(ascii: "\""))
      return true
    }

    private mutating func date(_ date: Date) -> Bool {
      guard let text = SessionCoding.string(from: date) else { return false }
      return string(text)
    }

    private mutating func integer(_ value: Int) {
      append(String(value))
    }

    /// As the encoder prints a `Double`: its shortest description, without a trailing `.0`.
    private mutating func number(_ value: Double) -> Bool {
      guard value.isFinite else { return false }
      var text = value.description
      if text.hasSuffix(".0") { text.removeLast(2) }
      append(text)
      return true
    }

    private mutating func boolean(_ value: Bool) {
      append(value ? "true" : "false")
    }

    private mutating func spaces(_ count: Int) {
      bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    private mutating func append(_ text: String) {
      bytes.append(contentsOf: text.utf8)
    }
  }
}
