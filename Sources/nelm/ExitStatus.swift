/// The exit statuses of every nelm command: one per kind of outcome, the same in every
/// command. `nelm --help`, the man page and the README show this table.
enum ExitStatus: Int32, CaseIterable {
  /// The command did what it was asked.
  case success = 0
  /// The command ran on good input but did not succeed, or found nothing.
  case failure = 1
  /// Something named to the command (a file, the course, a case, a learner) is missing,
  /// unreadable or invalid.
  case badInput = 2
  /// The command line is wrong; swift-argument-parser uses this status (EX_USAGE) for what it
  /// rejects, and nelm for the same kind of mistake it finds itself.
  case usage = 64

  /// What the status means, in a line.
  var summary: String {
    switch self {
    case .success: "success"
    case .failure: "failure: the command ran but did not succeed, or found nothing"
    case .badInput: "bad input: a file, folder, case or learner named is missing or invalid"
    case .usage: "usage: the command line is wrong (an unknown option, a bad value)"
    }
  }

  /// The cases that give the status, for the man page and the README.
  var cases: String {
    switch self {
    case .success: "The command did what it was asked."
    case .failure:
      "lint found problems; define or search found nothing; a file could not be written; the "
        + "learner's session is open in another nelm, corrupt, or could not be saved; in a "
        + "piped shell, a command failed."
    case .badInput:
      "A case-facts or review-history file, the course folder (or a course with errors, "
        + "except for lint, which reports them with 1), a case, lesson or learner named is "
        + "missing, unreadable or invalid."
    case .usage:
      "An unknown subcommand or option, a missing or extra argument, a malformed value "
        + "(--limit 0, random:x, a learner name with a space), or no learner given where only "
        + "a terminal could ask for one."
    }
  }

  /// The table for `nelm --help`: a heading, then one line a status.
  static var helpTable: String {
    "Exit status (the same in every command):\n"
      + allCases.map { ("  \($0.rawValue)" + "   ").prefix(6) + $0.summary }
      .joined(separator: "\n")
  }
}
