/// A seeded pseudo-random source (SplitMix64) for generated cases.
///
/// Every draw is computed here, not by the standard library's `random(in:using:)` or
/// `shuffled(using:)`, whose algorithms may change between Swift versions: the same seed must
/// give the same case on every machine, toolchain and run.
struct RandomSource: RandomNumberGenerator, Sendable {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  /// An independent stream for one purpose, so that drawing more in one part of the case does
  /// not change what another part draws.
  init(seed: UInt64, stream: UInt64) {
    var mixer = RandomSource(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
    state = mixer.next()
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `range`, without modulo bias.
  mutating func int(in range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound) &+ 1
    guard span != 0 else { return Int(truncatingIfNeeded: next()) }
    // Rejecting the top partial block keeps every value equally likely.
    let limit = UInt64.max - UInt64.max % span
    var value = next()
    while value >= limit { value = next() }
    return range.lowerBound + Int(value % span)
  }

  /// A number from `low / 10` to `high / 10` in steps of 0.1 (sizes in centimetres).
  mutating func tenths(_ low: Int, _ high: Int) -> Double {
    Double(int(in: low...high)) / 10
  }

  /// True with probability `p` (0…1).
  mutating func chance(_ p: Double) -> Bool {
    Double(next() >> 11) / Double(UInt64(1) << 53) < p
  }

  /// One element of a non-empty array; `fallback` when it is empty.
  mutating func pick<T>(_ items: [T], or fallback: T) -> T {
    items.isEmpty ? fallback : items[int(in: 0...(items.count - 1))]
  }

  /// One element, chosen with the given relative weights (pairs of value and weight).
  mutating func weighted<T>(_ items: [(T, Int)], or fallback: T) -> T {
    let total = items.reduce(0) { $0 + max($1.1, 0) }
    guard total > 0 else { return fallback }
    var roll = int(in: 1...total)
    for (item, weight) in items where weight > 0 {
      roll -= weight
      if roll <= 0 { return item }
    }
    return fallback
  }

  /// The array in a random order (Fisher–Yates).
  mutating func shuffle<T>(_ items: [T]) -> [T] {
    var result = items
    guard result.count > 1 else { return result }
    for i in stride(from: result.count - 1, to: 0, by: -1) {
      result.swapAt(i, int(in: 0...i))
    }
    return result
  }

  /// Up to `count` distinct elements, in a random order.
  mutating func sample<T>(_ items: [T], count: Int) -> [T] {
    Array(shuffle(items).prefix(max(count, 0)))
  }
}
