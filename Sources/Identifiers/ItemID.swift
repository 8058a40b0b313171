/// The id under which answers to one item are recorded: `LESSON/QUESTION` for a check
/// question, `case/CASE/STEP` for a step of a clinical case (`case/random:42:grading/grade`
/// for a generated one).
///
/// Encoded as the string it is (the answer log, session files, exports). This is the one
/// place that reads and builds item ids.
public struct ItemID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
  ExpressibleByStringInterpolation
{
  /// The id as written.
  public let rawValue: String

  /// The id `rawValue`, whatever it holds (a log may name items a course no longer has).
  public init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  /// An id written in code (tests, examples).
  public init(stringLiteral value: String) {
    self.init(value)
  }

  /// The id of check question `question` of lesson `lesson`.
  public static func question(lesson: String, question: String) -> ItemID {
    ItemID(lesson + "/" + question)
  }

  /// The id of step `step` of the case `caseID`.
  public static func caseStep(_ caseID: CaseID, step: String) -> ItemID {
    ItemID("case/" + caseID.rawValue + "/" + step)
  }

  /// What an item id names.
  public enum Kind: Sendable, Equatable {
    /// A check question of a lesson.
    case question(lesson: String, question: String)
    /// A step of a clinical case.
    case caseStep(CaseID, step: String)
  }

  /// What the id names; nil when it is in neither form.
  public var kind: Kind? {
    let parts = rawValue.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if parts.count == 3, parts[0] == "case" {
      return .caseStep(CaseID(parts[1]), step: parts[2])
    }
    if parts.count == 2 { return .question(lesson: parts[0], question: parts[1]) }
    return nil
  }

  /// The case of a case step's id; nil for any other id.
  public var caseID: CaseID? {
    guard case .caseStep(let id, _) = kind else { return nil }
    return id
  }

  /// Whether the id names a case step.
  public var isCaseStep: Bool { caseID != nil }

  /// Whether the item comes back for review: check questions and authored case steps do;
  /// the steps of a generated case are one-off.
  public var isReviewable: Bool {
    // `caseID?.isGenerated != true`, without splitting every id: the greeting asks it of
    // every item a learner has, and only a generated step's id starts this way.
    guard rawValue.utf8.starts(with: "case/random:".utf8) else { return true }
    return caseID?.isGenerated != true
  }

  /// The id as written.
  public var description: String { rawValue }

  /// Ids in the order of their text.
  public static func < (lhs: ItemID, rhs: ItemID) -> Bool { lhs.rawValue < rhs.rawValue }

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
