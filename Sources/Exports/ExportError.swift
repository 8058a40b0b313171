import Progress

/// Why a learner's record cannot be exported.
public enum ExportError: Error, Sendable, Equatable {
  /// Neither a session file nor an answer log for this learner in this directory.
  case noProgress(learner: String, directory: String)
  /// A session file or log that exists but cannot be read.
  case unreadable(ProgressError)

  /// The message the learner reads.
  public var message: String {
    switch self {
    case .noProgress(let learner, let directory):
      "no progress for learner '\(learner)' in \(directory); check --learner and --sessions"
    case .unreadable(let error): error.message
    }
  }
}
