/// What a generated case leans towards (which facts are drawn and which steps are asked), and
/// the topic a case step counts towards in quiz summaries and `progress`.
public enum CaseTopic: String, CaseIterable, Sendable, Codable {
  case grading
  case staging
  case transplant
  case treatment

  /// Every topic's name, in order: what `--topic` accepts.
  public static let names = allCases.map(\.rawValue)
}
