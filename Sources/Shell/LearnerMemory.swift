import Foundation
import Progress
import Tutor

/// Remembers the last learner who was asked for a name, so they are asked only once
/// (`$XDG_STATE_HOME/nelm/learner`); the exports read it too.
///
/// Read and written as nelm's other files are: a regular file only, never through a link,
/// mode 0600 in a 0700 folder.
public struct LearnerMemory {
  let file: URL

  /// The memory kept in `directory`; nil keeps no memory (no state folder can be used).
  public init(directory: String) {
    file = URL(fileURLWithPath: directory).appendingPathComponent("learner")
  }

  /// The remembered name, if there is a valid one.
  public func recall() -> LearnerName? {
    guard let bytes = try? StateFile.read(file.path, limit: 4096) else { return nil }
    let text = String(decoding: bytes, as: UTF8.self)
    return try? LearnerName(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  func remember(_ learner: LearnerName) {
    let folder = file.deletingLastPathComponent().path
    if let problem = StateFile.makeFolder(folder) {
      warn("your name is not remembered: cannot create \(folder): \(problem)")
      return
    }
    do {
      try DurableFile.write(Array((learner.value + "\n").utf8), to: file)
    } catch {
      warn("your name is not remembered: \(error.message)")
    }
  }
}

extension ShellLauncher {
  /// The learner from the options, from memory, or by asking (on a terminal only).
  static func chooseLearner(
    _ options: ShellOptions, memory: LearnerMemory?, source: LineSource, terminal: Terminal
  ) -> LearnerName? {
    if let given = options.learner {
      do {
        return try LearnerName(given)
      } catch {
        warn(error.message)
        return nil
      }
    }
    if let remembered = memory?.recall() { return remembered }
    guard terminal.isInteractive else {
      warn("no learner given: pass --learner NAME or set NELM_LEARNER.")
      return nil
    }
    writeOut("Welcome to nelm. Your progress is kept under a name of your choice.\n")
    while true {
      guard case .line(let answer) = source.readLine(prompt: "Your name: ") else {
        // Ctrl-C or Ctrl-D instead of a name: say so rather than end without a word.
        writeOut("No name given, so nothing was kept. Start nelm again when you are ready.\n")
        return nil
      }
      do {
        let learner = try LearnerName(answer.trimmingCharacters(in: .whitespaces))
        memory?.remember(learner)
        return learner
      } catch {
        writeOut(TextRenderer.printable(error.message) + "\n")
      }
    }
  }

  /// Opens the learner's session. A file that cannot be read is kept, and moved aside for a
  /// fresh start only when the learner says so at the terminal; only that file moves, and a
  /// file from a newer nelm, a link or a read-only file is never offered.
  static func openSession(
    _ learner: LearnerName, store: SessionStore, source: LineSource, terminal: Terminal,
    prefetched: SessionPrefetch? = nil
  ) -> OpenSession? {
    do {
      return try store.open(learner, now: Date(), prefetched: prefetched)
    } catch let error {
      guard let broken = error.fileToSetAside, terminal.isInteractive else {
        warn(error.message)
        return nil
      }
      writeOut(TextRenderer.printable(error.message) + "\n")
      let which: SessionStore.BrokenFile
      let question: String
      if case .corruptLog = error {
        which = .answerLog
        question =
          "Keep the answer log \(broken) aside and start a new one? Your places "
          + "and review states are kept. [y/N] "
      } else {
        which = .sessionFile
        question =
          "Keep \(broken) aside and start fresh? Answers in the log are counted "
          + "again. [y/N] "
      }
      let answer = source.readLine(prompt: TextRenderer.printable(question))
      guard case .line(let text) = answer, ["y", "yes"].contains(text.lowercased()) else {
        writeOut("Nothing changed. The file is as it was.\n")
        return nil
      }
      do {
        let aside = try store.setAside(learner, which, now: Date())
        writeOut(TextRenderer.printable("The old file is kept as \(aside.path).") + "\n")
        return try store.open(learner, now: Date())
      } catch {
        warn(error.message)
        return nil
      }
    }
  }
}
