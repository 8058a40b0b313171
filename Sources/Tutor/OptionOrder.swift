import Identifiers

/// The order in which one learner sees the options of one item: a shuffle drawn from the
/// learner's name and the item's id, so it is the same on every screen, after a resume and in
/// review, on every machine, and nothing about it has to be saved.
///
/// The draws are computed here (FNV-1a, then SplitMix64), not by the standard library's
/// `shuffled(using:)`, whose algorithm may change between Swift versions.
enum OptionOrder {
  /// The indices `0 ..< count` in the order `learner` sees the options of `item`.
  static func permutation(count: Int, learner: String, item: ItemID) -> [Int] {
    var order = Array(0..<count)
    guard count > 1 else { return order }
    var state = fnv1a(learner + "\u{0}" + item.rawValue)
    for index in stride(from: count - 1, to: 0, by: -1) {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      // The modulo bias of a 64-bit draw over at most a few dozen options is negligible.
      order.swapAt(index, Int(z % UInt64(index + 1)))
    }
    return order
  }

  /// The 64-bit FNV-1a hash of `text`'s UTF-8 bytes.
  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return hash
  }
}
