import Progress
import Tutor

/// Where the command loop writes: standard output and standard error through `Console`, or
/// a test's transcript.
struct ShellOutput {
  /// Writes text meant for the learner (replies, prompts' companions).
  var out: (String) -> Void
  /// Writes errors, warnings and, through a pipe, the farewell.
  var err: (String) -> Void
  /// Writes long text (help, the glossary, sources, lists): through the pager on a terminal.
  var page: (String) -> Void
  /// The status to end with once standard output has failed (141 after EPIPE, else 1); nil
  /// while every write succeeds.
  var failedStatus: () -> Int32?

  /// Standard output and standard error.
  static var console: ShellOutput {
    ShellOutput(
      out: { Console.out($0) }, err: { Console.err($0) }, page: { Pager.show($0) },
      failedStatus: { Console.exitStatus })
  }

  /// A warning, made printable (messages quote paths and file contents).
  func warn(_ message: String) {
    err("nelm: \(TextRenderer.printable(message))\n")
  }
}

/// What the command loop asks of the learner's open session (`OpenSession`): the answers to
/// append to the log, then the session to save. Nothing else is written during a session.
protocol SessionWriter: AnyObject {
  /// The session as last saved.
  var session: Session { get }
  /// Appends answers to the answer log, durably, before the session that counts them.
  func append(_ answers: [Answer]) throws(ProgressError)
  /// Replaces the session file, durably.
  func save(_ session: Session) throws(ProgressError)
}

extension OpenSession: SessionWriter {}
