/// One thing wrong with a case-facts document, at a key path such as `primary.extent`.
public struct CaseFactsProblem: Sendable, Equatable, CustomStringConvertible {
  /// The key path: `age`, `primary.extent`, `contraindications[1]`, or `(root)`.
  public var path: String
  /// What is wrong and what is allowed.
  public var message: String

  /// Creates a problem at a key path.
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// `path: message`.
  public var description: String { "\(path): \(message)" }
}

/// Every problem found in a case-facts document; never empty when thrown.
public struct CaseFactsErrors: Error, Sendable, Equatable, CustomStringConvertible {
  /// The problems in document order.
  public var problems: [CaseFactsProblem]

  /// Creates an error from its problems.
  public init(problems: [CaseFactsProblem]) {
    self.problems = problems
  }

  /// One `path: message` line per problem.
  public var description: String {
    problems.map(\.description).joined(separator: "\n")
  }
}
