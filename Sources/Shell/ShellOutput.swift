import Foundation
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

/// What the command loop asks of the learner's open session (`OpenSession`): answers to log,
/// each line carrying the places it moved (one flush makes them safe), and now and then the
/// session file, the checkpoint. Nothing else is written during a session.
protocol SessionWriter: AnyObject {
  /// The session as the files hold it (the checkpoint and the lines logged after it).
  var session: Session { get }
  /// Lines logged since the last checkpoint.
  var linesSinceCheckpoint: Int { get }
  /// When the last checkpoint was written (or the session opened).
  var checkpointTime: Date { get }
  /// Logs `answers`, durably, with what else `target` changed in lessons, cases and quiz.
  func record(_ answers: [Answer], reaching target: Session) throws(ProgressError)
  /// Whether the session file lags behind `target`.
  func needsCheckpoint(_ target: Session) -> Bool
  /// Replaces the session file (the checkpoint), durably.
  func checkpoint(_ session: Session) throws(ProgressError)
}

extension OpenSession: SessionWriter {}
