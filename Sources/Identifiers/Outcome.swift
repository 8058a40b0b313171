/// How an answer to a case step went: `correct`, `acceptable` (an alternative the clinical
/// engine accepts), `wrong` or `skipped`.
///
/// Encoded as that string. A file may hold another word (written by hand, or by a newer
/// nelm): it is read as it is, and `isKnown` tells, so the reader can say where it is.
public struct Outcome: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The outcome's word.
  public let rawValue: String

  /// The outcome called `rawValue`, known or not.
  public init(rawValue: String) {
    self.rawValue = rawValue
  }

  /// An outcome written in code (tests, examples).
  public init(stringLiteral value: String) {
    self.init(rawValue: value)
  }

  /// The engine's first choice (or the exact set, for a several-answer step).
  public static let correct = Outcome(rawValue: "correct")
  /// An alternative the engine also accepts: counted as right.
  public static let acceptable = Outcome(rawValue: "acceptable")
  /// Neither.
  public static let wrong = Outcome(rawValue: "wrong")
  /// Left unanswered.
  public static let skipped = Outcome(rawValue: "skipped")

  /// The outcomes nelm writes, in this order.
  public static let all: [Outcome] = [.correct, .acceptable, .wrong, .skipped]

  /// Whether this is one of `all`.
  public var isKnown: Bool { Self.all.contains(self) }

  /// Whether the step counts as right: `correct` or `acceptable`.
  public var isRight: Bool { self == .correct || self == .acceptable }

  /// The outcome's word.
  public var description: String { rawValue }

  /// Reads the outcome from its word.
  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  /// Writes the outcome's word.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
