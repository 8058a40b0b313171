/// Everything that can go wrong with a learner's session files.
///
/// Cases carry data; `message` turns them into the text the learner reads, so all the
/// user-facing wording of the module lives here. Every message names the file, says what is
/// wrong with it, and, where the learner can act, what to do.
public enum ProgressError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The learner name cannot be used as a file name (the raw text as given).
  case invalidLearnerName(String)
  /// Another process holds the learner's lock; `pid` is nil when it has not written it yet.
  case locked(learner: String, pid: Int32?)
  /// The session file exists but cannot be used; `detail` says what is wrong and where.
  case corrupt(path: String, detail: String)
  /// A line of the answer log cannot be used (`line` counts from 1; nil when the problem is
  /// the log as a whole).
  case corruptLog(path: String, line: Int?, detail: String)
  /// The session file was written by a newer nelm, whose format this one does not know.
  case newerFormat(path: String, version: Int)
  /// The session file or directory could not be read.
  case unreadable(path: String, reason: String)
  /// A durable write failed; the previous file, if any, is untouched.
  case writeFailed(path: String, reason: String)
  /// The sessions path exists but is not a directory.
  case notADirectory(path: String)
  /// The sessions folder (or a parent) could not be created; `reason` names what is in the way.
  case cannotCreateFolder(path: String, reason: String)
  /// Where nelm expects one of its own files stands something else: `kind` is
  /// `a symbolic link`, `a FIFO`, `a folder`, `a device` or `a socket`.
  case notAFile(path: String, kind: String)
  /// One of nelm's own files has no write permission for its owner: nelm does not replace it.
  case readOnly(path: String)
  /// The lock file cannot be created or opened (a read-only folder, for one).
  case lockUnavailable(path: String, reason: String)
  /// The lock file was removed or replaced while this process held the lock, so another
  /// nelm may have the learner open: nothing more is written from this one.
  case lockLost(path: String, learner: String)

  /// The text shown to the learner.
  public var message: String {
    switch self {
    case .invalidLearnerName(let raw):
      return "learner name '\(Self.printable(raw))' is not allowed: use 1–64 characters, "
        + "without control characters or direction overrides"
    case .locked(let learner, let pid?):
      return "another nelm is using learner '\(learner)' (pid \(pid)); quit it first"
    case .locked(let learner, nil):
      return "another nelm is using learner '\(learner)'; quit it first"
    case .corrupt(let path, let detail):
      return "session file \(path) cannot be read: \(detail)"
    case .corruptLog(let path, let line?, let detail):
      return "answer log \(path) cannot be read: line \(line): \(detail)"
    case .corruptLog(let path, nil, let detail):
      return "answer log \(path) cannot be read: \(detail)"
    case .newerFormat(let path, let version):
      return "session file \(path) was written by a newer nelm: schemaVersion \(version) is "
        + "newer than this nelm understands (\(Session.currentSchemaVersion)); use a nelm that "
        + "reads schemaVersion \(version) or later. The file was left as it is"
    case .unreadable(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .writeFailed(let path, let reason):
      return "cannot save \(path): \(reason) (the previous version is unchanged)"
    case .notADirectory(let path):
      return "\(path) is not a directory: nelm keeps session files in a directory"
    case .cannotCreateFolder(let path, let reason):
      return "cannot create the sessions folder \(path): \(reason); name another with "
        + "--sessions DIR"
    case .notAFile(let path, let kind):
      return "\(path) is \(kind), not a regular file: nelm reads and writes its own files only "
        + "where they are plain files, and changed nothing. Move it away (nelm then starts that "
        + "file afresh) or put the file itself in its place"
    case .readOnly(let path):
      return "\(path) is read-only: nelm does not replace a file its owner may not write, and "
        + "changed nothing. Make it writable (chmod u+w) to go on"
    case .lockUnavailable(let path, let reason):
      return "cannot take the lock \(path): \(reason); nelm needs to create and write this "
        + "file in the sessions folder"
    case .lockLost(let path, let learner):
      return "the lock \(path) was removed or replaced while this nelm was running, so another "
        + "nelm may be using learner '\(learner)'; to keep both from overwriting each other, "
        + "nothing more is saved from this one. Quit it and start nelm again"
    }
  }

  /// The file a learner may set aside to start afresh: the session file or the answer log
  /// that cannot be read. Nil for every other problem (a link, a newer format, a lock …),
  /// which setting a file aside would not cure.
  public var fileToSetAside: String? {
    switch self {
    case .corrupt(let path, _), .corruptLog(let path, _, _): path
    default: nil
    }
  }

  /// The same as `message`, so that printing the error shows the learner's text.
  public var description: String { message }

  /// Escapes control characters, C1 controls and bidirectional overrides so a hostile name
  /// cannot garble the terminal, and shows them as `\u{…}` so the learner sees what is wrong.
  static func printable(_ raw: String) -> String {
    var out = ""
    for scalar in raw.unicodeScalars {
      switch scalar.value {
      case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
        out += "\\u{" + String(scalar.value, radix: 16) + "}"
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
