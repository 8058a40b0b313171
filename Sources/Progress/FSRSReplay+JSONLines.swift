import Foundation

extension FSRSReplay {
  /// The `--json` form of a replay, one line a review:
  /// `{"stability": 2.3065, "difficulty": 2.1181…, "due": "…Z", "state": "learning"}`.
  ///
  /// Built in bytes, not strings: writing 100,000 lines was most of `schedule replay`'s time.
  /// A number is written in its shortest form that reads back, which is also Python's `repr`,
  /// so the lines are byte for byte those of the `fsrs` package's states; a missing or
  /// infinite number is `null`, a due date no file can hold is `""`.
  public struct JSONLines {
    private var sink: Sink

    /// The lines appended since the last `removeAll()`, each ending in a newline.
    public var bytes: [UInt8] { sink.bytes }

    /// An empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 0) {
      sink = Sink()
      sink.bytes.reserveCapacity(capacity)
    }

    /// Appends the line of `state`.
    public mutating func append(_ state: ReviewState) {
      sink.append(#"{"stability": "#)
      number(state.stability)
      sink.append(#", "difficulty": "#)
      number(state.difficulty)
      sink.append(#", "due": ""#)
      _ = Timestamp.append(state.due, to: &sink.bytes)
      sink.append(#"", "state": ""#)
      switch state.phase {
      case .learning: sink.append("learning")
      case .review: sink.append("review")
      case .relearning: sink.append("relearning")
      }
      sink.append("\"}\n")
    }

    /// Empties the buffer, keeping its room, once its lines are written out.
    public mutating func removeAll() {
      sink.bytes.removeAll(keepingCapacity: true)
    }

    private mutating func number(_ value: Double?) {
      guard let value, value.isFinite else { return sink.append("null") }
      value.write(to: &sink)
    }
  }

  /// Where `Double.write(to:)` puts its digits: straight into the bytes (`_writeASCII`, the
  /// stream's entry for ASCII text) rather than through a `String` made for each number.
  private struct Sink: TextOutputStream {
    var bytes: [UInt8] = []

    mutating func append(_ text: StaticString) {
      bytes.append(
        contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func write(_ string: String) {
      bytes.append(contentsOf: string.utf8)
    }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
      bytes.append(contentsOf: buffer)
    }
  }
}
