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
    // Found by the slashes' places, without an array of parts: the greeting and the exports
    // ask this of every item a learner has.
    let text = rawValue
    guard let first = text.firstIndex(of: "/") else { return nil }
    let rest = text[text.index(after: first)...]
    guard let second = rest.firstIndex(of: "/") else {
      return .question(lesson: String(text[..<first]), question: String(rest))
    }
    let last = rest[rest.index(after: second)...]
    guard text[..<first] == "case", !last.contains("/") else { return nil }
    return .caseStep(CaseID(String(rest[..<second])), step: String(last))
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
  public var isReviewable: Bool { caseID?.isGenerated != true }

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
