import Foundation
import Progress
import Tutor

/// The command loop: reads lines, hands them to the tutor, prints its replies, and saves the
/// session whenever a reply says so — before the next prompt, so no answer waits unsaved: an
/// answer as one flushed line of the answer log, any other change in the session file.
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
      if !reply.quit { checkpointIfDue() }
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
    /// Every answer and place is in the answer log (so it is kept, and counted at the next
    /// open), but the session file, its checkpoint, could not be replaced.
    case loggedOnly
    /// Not even the log took the answers, or a change only the session file holds was lost.
    case notSaved
  }

  /// Answers not yet in the log because an append failed; the next save tries them again.
  private var unloggedAnswers: [Answer] = []

  /// Seconds after which answers logged since the last checkpoint get a new one.
  static let checkpointInterval: TimeInterval = 60
  /// Lines logged since the last checkpoint after which it is written anyway.
  static let checkpointLines = 200

  /// Saves what the reply changed. Answers go to the log, one line each with the places they
  /// moved, flushed once: that alone makes them safe. A change no answer carries (a page
  /// turned, a flag, a lesson reset) and leaving write the session file, the checkpoint. On
  /// failure the learner is warned and the shell keeps going: the previous files are intact
  /// and the next save tries again.
  private func saveIfNeeded(_ reply: Reply) -> SaveOutcome {
    unloggedAnswers += tutor.takeUnsavedAnswers()
    if !unloggedAnswers.isEmpty {
      do {
        try session.record(unloggedAnswers, reaching: tutor.session)
        unloggedAnswers = []
      } catch {
        output.warn("Could not save your progress: \(error.message)")
        return .notSaved
      }
      if !reply.quit { return .saved }
    }
    guard reply.saveNeeded || reply.quit, session.needsCheckpoint(tutor.session) else {
      return .saved
    }
    return checkpoint()
  }

  /// Writes the checkpoint; what is safe when it fails.
  private func checkpoint() -> SaveOutcome {
    do {
      try session.checkpoint(tutor.session)
      return .saved
    } catch {
      output.warn("Could not save your progress: \(error.message)")
      return session.session.holdsTheSame(as: tutor.session) ? .loggedOnly : .notSaved
    }
  }

  /// After the reply is on screen: a checkpoint when many answers, or a minute's worth, were
  /// logged since the last one, so the next start has few lines to apply.
  private func checkpointIfDue() {
    guard session.linesSinceCheckpoint > 0,
      session.linesSinceCheckpoint >= Self.checkpointLines
        || Date().timeIntervalSince(session.checkpointTime) >= Self.checkpointInterval
    else { return }
    _ = checkpoint()
  }

  private func show(_ reply: Reply, saved: SaveOutcome) {
    var blocks = reply.blocks
    if let acknowledgement = reply.acknowledgement {
      // Said only now that the save is done (or has failed), never before.
      let status: String
      switch saved {
      case .saved: status = "Saved."
      case .loggedOnly:
        status =
          "Saved in the answer log; the session file was not updated (see the warning above)."
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
