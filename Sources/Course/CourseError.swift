/// Why a course could not be loaded.
public enum CourseError: Error, Sendable, Equatable {
  /// The lesson folder does not exist or is not a directory.
  case notADirectory(String)
  /// The lesson folder exists but could not be listed.
  case unreadable(path: String, reason: String)
  /// The lesson files were read but break the format; every problem found, in reading order.
  case invalid([Diagnostic])
  /// The folder holds no lesson file and no `cases/` folder with case files.
  case noCourseFiles(String)

  /// The text to show a user: one line per problem.
  public var message: String {
    switch self {
    case .notADirectory(let path):
      return "\(Diagnostic.printable(path)): no such directory"
    case .unreadable(let path, let reason):
      return "\(Diagnostic.printable(path)): cannot read the directory: \(reason)"
    case .invalid(let diagnostics):
      return diagnostics.map(\.description).joined(separator: "\n")
    case .noCourseFiles(let path):
      return "\(Diagnostic.printable(path)): no lesson files (*.yaml) and no cases/ folder: this "
        + "is not a course folder; name the course with --lessons DIR or NELM_LESSONS"
    }
  }
}
