import Foundation
import Progress
import Tutor

/// The command loop: reads lines, hands them to the tutor, prints its replies, and saves the
/// session whenever a reply says so — before the next prompt, so no answer waits unsaved.
///
/// A class so that Tab completion, which libedit calls while a line is being read, can look
/// at the tutor without overlapping the loop's own access to it.
final class ShellLoop {
  var tutor: Tutor
  let session: OpenSession
  let source: LineSource
  let renderer: TextRenderer
  let interactive: Bool

  init(
    tutor: Tutor, session: OpenSession, source: LineSource, renderer: TextRenderer,
    interactive: Bool
  ) {
    self.tutor = tutor
    self.session = session
    self.source = source
    self.renderer = renderer
    self.interactive = interactive
  }

  /// Runs until the learner leaves; returns the exit status.
  func run() -> Int32 {
    // A script goes on after a failed save, as a learner would, but its exit status says so.
    var everFailed = false
    while true {
      let event = source.readLine(prompt: tutor.prompt)
      let reply: Reply
      switch event {
      case .line(let line): reply = tutor.accept(line)
      case .interrupted: reply = tutor.interrupt()
      case .endOfInput: reply = tutor.farewell()
      }
      let saved = saveIfNeeded(reply)
      everFailed = everFailed || !saved
      show(reply, saved: saved)
      if reply.quit { return saved && (interactive || !everFailed) ? 0 : 1 }
      if !interactive && reply.isError {
        // A script stops at its first error, with the progress so far saved.
        return 1
      }
    }
  }

  /// Answers not yet in the log because an append failed; the next save tries them again.
  private var unloggedAnswers: [Answer] = []

  /// Saves when the reply changed the session: new answers are appended to the log and
  /// flushed first, then the session file is replaced. On failure the learner is warned and
  /// the shell keeps going: the previous files are intact and the next save tries again.
  private func saveIfNeeded(_ reply: Reply) -> Bool {
    unloggedAnswers += tutor.takeUnsavedAnswers()
    guard reply.saveNeeded || !unloggedAnswers.isEmpty else { return true }
    do {
      try session.append(unloggedAnswers)
      unloggedAnswers = []
      if tutor.session != session.session { try session.save(tutor.session) }
      return true
    } catch {
      warn("Could not save your progress: \(error.message)")
      return false
    }
  }

  private func show(_ reply: Reply, saved: Bool) {
    var blocks = reply.blocks
    if let acknowledgement = reply.acknowledgement {
      // Said only now that the save is done (or has failed), never before.
      let status = saved ? "Saved." : "Not saved (see the warning above)."
      let text = acknowledgement.isEmpty ? status : status + " " + acknowledgement
      blocks.append(.text(text, saved ? .dim : .bad))
    }
    guard !blocks.isEmpty else { return }
    let text = renderer.render(blocks)
    // Through a pipe, stdout carries only what the commands print (`progress --json | jq`
    // works); the farewell goes with the errors.
    if (reply.isError || reply.quit) && !interactive {
      FileHandle.standardError.write(Data(text.utf8))
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }
}

/// Prints a warning on standard error.
func warn(_ message: String) {
  FileHandle.standardError.write(Data("nelm: \(message)\n".utf8))
}

/// Writes to standard output straight away (no stdio buffer to flush before libedit's own
/// output).
func writeOut(_ text: String) {
  FileHandle.standardOutput.write(Data(text.utf8))
}
