/// Why a course could not be loaded.
public enum CourseError: Error, Sendable, Equatable {
  /// The lesson folder does not exist or is not a directory.
  case notADirectory(String)
  /// The lesson folder exists but could not be listed.
  case unreadable(path: String, reason: String)
  /// The lesson files were read but break the format; every problem found, in reading order.
  case invalid([Diagnostic])

  /// The text to show a user: one line per problem.
  public var message: String {
    switch self {
    case .notADirectory(let path):
      return "\(path): no such directory"
    case .unreadable(let path, let reason):
      return "\(path): cannot read the directory: \(reason)"
    case .invalid(let diagnostics):
      return diagnostics.map(\.description).joined(separator: "\n")
    }
  }
}
