/// Everything that can go wrong with a learner's session files.
///
/// Cases carry data; `message` turns them into the text the learner reads, so all the
/// user-facing wording of the module lives here.
public enum ProgressError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The learner name cannot be used as a file name (the raw text as given).
  case invalidLearnerName(String)
  /// Another process holds the learner's lock; `pid` is nil when it has not written it yet.
  case locked(learner: String, pid: Int32?)
  /// The session file exists but cannot be used; `detail` says what is wrong and where.
  case corrupt(path: String, detail: String)
  /// The session file or directory could not be read.
  case unreadable(path: String, reason: String)
  /// A durable write failed; the previous file, if any, is untouched.
  case writeFailed(path: String, reason: String)
  /// The sessions path exists but is not a directory.
  case notADirectory(path: String)

  /// The text shown to the learner.
  public var message: String {
    switch self {
    case .invalidLearnerName(let raw):
      return "learner name '\(Self.printable(raw))' is not allowed: use 1–64 ASCII letters, "
        + "digits, '-', '_' or '.', not starting with '.'"
    case .locked(let learner, let pid?):
      return "another nelm is using learner '\(learner)' (pid \(pid)); quit it first"
    case .locked(let learner, nil):
      return "another nelm is using learner '\(learner)'; quit it first"
    case .corrupt(let path, let detail):
      return "session file \(path) cannot be read: \(detail)"
    case .unreadable(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .writeFailed(let path, let reason):
      return "cannot save \(path): \(reason) (the previous version is unchanged)"
    case .notADirectory(let path):
      return "\(path) is not a directory: nelm keeps session files in a directory"
    }
  }

  /// The same as `message`, so that printing the error shows the learner's text.
  public var description: String { message }

  /// Escapes control characters so a hostile name cannot garble the terminal.
  static func printable(_ raw: String) -> String {
    var out = ""
    for scalar in raw.unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F {
        out += "\\u{" + String(scalar.value, radix: 16) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
