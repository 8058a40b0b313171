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
  let session: any SessionWriter
  let source: any LineSource
  private(set) var renderer: TextRenderer
  let interactive: Bool
  let output: ShellOutput
  /// The screen's width now, read before every screen (a terminal can be resized at any
  /// prompt); nil keeps the renderer's.
  let currentWidth: (() -> Int)?

  init(
    tutor: Tutor, session: any SessionWriter, source: any LineSource, renderer: TextRenderer,
    interactive: Bool, output: ShellOutput = .console, width: (() -> Int)? = nil
  ) {
    self.tutor = tutor
    self.session = session
    self.source = source
    self.renderer = renderer
    self.interactive = interactive
    self.output = output
    self.currentWidth = width
    self.tutor.width = renderer.width
  }

  /// Lays out the next screen for the terminal's width as it is now.
  func refreshWidth() {
    guard let width = currentWidth?() else { return }
    renderer.width = width
    tutor.width = renderer.width
  }

  /// Runs until the learner leaves; returns the exit status.
  func run() -> Int32 {
    // A script goes on after a failed save, as a learner would, but its exit status says so.
    var everFailed = false
    while true {
      let event = source.readLine(prompt: tutor.prompt)
      refreshWidth()
      let reply: Reply
      switch event {
      case .line(let line): reply = tutor.accept(line)
      case .tooLong(let length): reply = Tutor.refuseLongLine(length)
      case .interrupted: reply = tutor.interrupt()
      case .endOfInput: reply = tutor.farewell()
      }
      let saved = saveIfNeeded(reply)
      everFailed = everFailed || saved != .saved
      show(reply, saved: saved)
      // Standard output is gone (closed, full, a reader that left): everything is saved
      // already, so end here rather than work on unseen.
      if let status = output.failedStatus() { return status }
      if reply.quit { return saved == .saved && (interactive || !everFailed) ? 0 : 1 }
      if !interactive && reply.isError {
        // A script stops at its first error, with the progress so far saved.
        return 1
      }
    }
  }

  /// How far a save got.
  enum SaveOutcome {
    /// Nothing to save, or all of it saved.
    case saved
    /// The answers are in the log (so they are kept, and counted at the next open), but the
    /// session file was not replaced.
    case loggedOnly
    /// Not even the log took the answers.
    case notSaved
  }

  /// Answers not yet in the log because an append failed; the next save tries them again.
  private var unloggedAnswers: [Answer] = []

  /// Saves when the reply changed the session: new answers are appended to the log and
  /// flushed first, then the session file is replaced. On failure the learner is warned and
  /// the shell keeps going: the previous files are intact and the next save tries again.
  private func saveIfNeeded(_ reply: Reply) -> SaveOutcome {
    unloggedAnswers += tutor.takeUnsavedAnswers()
    guard reply.saveNeeded || !unloggedAnswers.isEmpty else { return .saved }
    let logging = !unloggedAnswers.isEmpty
    do {
      try session.append(unloggedAnswers)
      unloggedAnswers = []
    } catch {
      output.warn("Could not save your progress: \(error.message)")
      return .notSaved
    }
    do {
      if tutor.session != session.session { try session.save(tutor.session) }
      return .saved
    } catch {
      output.warn("Could not save your progress: \(error.message)")
      return logging ? .loggedOnly : .notSaved
    }
  }

  private func show(_ reply: Reply, saved: SaveOutcome) {
    var blocks = reply.blocks
    if let acknowledgement = reply.acknowledgement {
      // Said only now that the save is done (or has failed), never before.
      let status: String
      switch saved {
      case .saved: status = "Saved."
      case .loggedOnly:
        status = "Saved in the answer log; your place was not saved (see the warning above)."
      case .notSaved: status = "Not saved (see the warning above)."
      }
      let text = acknowledgement.isEmpty ? status : status + " " + acknowledgement
      blocks.append(.text(text, saved == .saved ? .dim : .bad))
    }
    guard !blocks.isEmpty else { return }
    let text = renderer.render(blocks)
    // Through a pipe, stdout carries only what the commands print (`progress --json | jq`
    // works); the farewell goes with the errors.
    if (reply.isError || reply.quit) && !interactive {
      output.err(text)
    } else if reply.isLong && interactive {
      output.page(text)
    } else {
      output.out(text)
    }
  }
}

/// Prints a warning on standard error, made printable (messages quote paths and file
/// contents).
func warn(_ message: String) {
  ShellOutput.console.warn(message)
}

/// Writes to standard output straight away (no stdio buffer to flush before libedit's own
/// output). The text is nelm's own or already made printable.
func writeOut(_ text: String) {
  Console.out(text)
}
