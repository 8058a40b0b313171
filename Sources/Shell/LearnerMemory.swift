import Foundation
import Progress

/// Remembers the last learner who was asked for a name, so they are asked only once
/// (`$XDG_STATE_HOME/nelm/learner`); the exports read it too.
public struct LearnerMemory {
  let file: URL

  /// The memory kept in `directory`.
  public init(directory: String) {
    file = URL(fileURLWithPath: directory).appendingPathComponent("learner")
  }

  /// The remembered name, if there is a valid one.
  public func recall() -> LearnerName? {
    guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
    return try? LearnerName(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  func remember(_ learner: LearnerName) {
    try? Data((learner.value + "\n").utf8).write(to: file, options: .atomic)
  }
}

extension ShellLauncher {
  /// The learner from the options, from memory, or by asking (on a terminal only).
  static func chooseLearner(
    _ options: ShellOptions, memory: LearnerMemory, source: LineSource, terminal: Terminal
  ) -> LearnerName? {
    if let given = options.learner {
      do {
        return try LearnerName(given)
      } catch {
        warn(error.message)
        return nil
      }
    }
    if let remembered = memory.recall() { return remembered }
    guard terminal.isInteractive else {
      warn("no learner given: pass --learner NAME or set NELM_LEARNER.")
      return nil
    }
    writeOut("Welcome to nelm. Your progress is kept under a name of your choice.\n")
    while true {
      guard case .line(let answer) = source.readLine(prompt: "Your name: ") else { return nil }
      do {
        let learner = try LearnerName(answer.trimmingCharacters(in: .whitespaces))
        memory.remember(learner)
        return learner
      } catch {
        writeOut(error.message + "\n")
      }
    }
  }

  /// Opens the learner's session. A corrupt file is kept, and a fresh start happens only
  /// when the learner says so at the terminal.
  static func openSession(
    _ learner: LearnerName, store: SessionStore, source: LineSource, terminal: Terminal
  ) -> OpenSession? {
    do {
      return try store.open(learner, now: Date())
    } catch let error {
      guard case .corrupt = error, terminal.isInteractive else {
        warn(error.message)
        return nil
      }
      writeOut(error.message + "\n")
      let answer = source.readLine(prompt: "Keep that file aside and start fresh? [y/N] ")
      guard case .line(let text) = answer, ["y", "yes"].contains(text.lowercased()) else {
        writeOut("Nothing changed. The file is as it was.\n")
        return nil
      }
      do {
        let aside = try store.setAside(learner, now: Date())
        writeOut("The old file is kept as \(aside.path).\n")
        return try store.open(learner, now: Date())
      } catch {
        warn(error.message)
        return nil
      }
    }
  }
}
