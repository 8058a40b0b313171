/// The id of a clinical case: an authored case's id (`ileal-crr`), or a generated case's
/// `random:SEED` or `random:SEED:TOPIC`, which names the patient the generator makes from
/// that seed, leaning to that topic.
///
/// Encoded as the string it is (session files, the answer log, the course cache). This is the
/// one place that reads the generated form.
public struct CaseID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
  ExpressibleByStringInterpolation
{
  /// The id as written.
  public let rawValue: String

  /// The prefix of a generated case's id.
  public static let generatedPrefix = "random:"

  /// The id `rawValue`, whatever it holds.
  public init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  /// An id written in code (tests, examples).
  public init(stringLiteral value: String) {
    self.init(value)
  }

  /// The generated case for `seed`, leaning to `topic` when given: `random:42:grading`.
  public static func generated(seed: UInt64, topic: CaseTopic? = nil) -> CaseID {
    CaseID(generatedPrefix + String(seed) + (topic.map { ":" + $0.rawValue } ?? ""))
  }

  /// What a generated id names: the seed, and the topic when one is written.
  public struct Generated: Sendable, Equatable {
    /// The generator's seed.
    public var seed: UInt64
    /// The topic the case leans to; nil lets the seed choose.
    public var topic: CaseTopic?

    /// Creates a value from its parts.
    public init(seed: UInt64, topic: CaseTopic?) {
      self.seed = seed
      self.topic = topic
    }
  }

  /// The seed and topic of `random:SEED[:TOPIC]`; nil for an authored id, and for a
  /// `random:` id that is not well formed (`random:x`, `random:1:cooking`, `random:1:`).
  public var generated: Generated? {
    let parts = rawValue.split(separator: ":", omittingEmptySubsequences: false)
    guard (2...3).contains(parts.count), parts[0] + ":" == Self.generatedPrefix,
      let seed = UInt64(parts[1])
    else { return nil }
    guard parts.count == 3 else { return Generated(seed: seed, topic: nil) }
    guard let topic = CaseTopic(rawValue: String(parts[2])) else { return nil }
    return Generated(seed: seed, topic: topic)
  }

  /// Whether the id is written in the generated form (`random:…`), well formed or not: an
  /// authored id never is (authored ids use a-z, 0-9 and '-').
  public var isGenerated: Bool { rawValue.hasPrefix(Self.generatedPrefix) }

  /// The id as written.
  public var description: String { rawValue }

  /// Ids in the order of their text.
  public static func < (lhs: CaseID, rhs: CaseID) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Reads the id from its string.
  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  /// Writes the id as its string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
