import Progress

/// Why `nelm sync` stopped. Whatever the store acknowledged before is recorded: the next run
/// goes on from there.
public enum XAPISyncError: Error, Sendable, Equatable {
  /// Another `nelm sync` of this learner is running.
  case busy(learner: String)
  /// The state file exists but is not one nelm wrote.
  case badState(path: String)
  /// The state file could not be written.
  case cannotSave(ProgressError)
  /// The learner's answer log could not be read.
  case cannotRead(ProgressError)
  /// No answer, or only "try later" (429, 5xx), after every attempt.
  case unavailable(endpoint: String, attempts: Int, last: String)
  /// The store refused the credentials (401, 403).
  case unauthorized(endpoint: String, status: Int)
  /// The store refused the batch (another 4xx): nelm's statements or the endpoint are wrong.
  case refused(endpoint: String, status: Int, detail: String)
  /// The store holds a different statement under one of nelm's ids.
  case conflict(endpoint: String, id: String)

  /// The message the learner reads.
  public var message: String {
    switch self {
    case .busy(let learner):
      "another nelm sync of learner '\(learner)' is running; try again when it is done"
    case .badState(let path):
      "\(path) is not a sync state nelm wrote; move it aside to send everything again"
    case .cannotSave(let error), .cannotRead(let error): error.message
    case .unavailable(let endpoint, let attempts, let last):
      "\(endpoint) did not take the statements after \(attempts) attempt"
        + "\(attempts == 1 ? "" : "s") (\(last)); what it acknowledged is recorded, "
        + "run nelm sync again later"
    case .unauthorized(let endpoint, let status):
      "\(endpoint) refused the credentials (HTTP \(status)); check NELM_LRS_USER and "
        + "NELM_LRS_PASSWORD (or NELM_LRS_TOKEN) or the config file"
    case .refused(let endpoint, let status, let detail):
      "\(endpoint) refused the statements (HTTP \(status)): \(detail)"
    case .conflict(let endpoint, let id):
      "\(endpoint) already holds a different statement with id \(id); nothing after it was sent"
    }
  }
}
