import ArgumentParser
import Foundation
import Progress
import Shell

/// `nelm [shell]`: the study shell, the command `nelm` runs when no other is named.
struct ShellSubcommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shell",
    abstract: "Open the study shell on the course (what nelm does with no subcommand).")

  /// The root's `--learner`, `--lessons` and `--sessions`.
  @OptionGroup var options: LearnerOptions

  /// For `make install`: print the man page's own sections instead of opening the shell.
  @Flag(help: .private) var manualSections = false

  func run() throws {
    if manualSections {
      Console.out(ManualSections.mdoc + "\n")
      return
    }
    let paths = Paths.current
    try checkLearner(paths)
    let sessions = try options.sessionsFolder(command: "")
    // A named learner's file is read on another thread while the course is checked here.
    let prefetched = options.namedLearner.flatMap { try? LearnerName($0) }.map {
      SessionPrefetch($0, in: SessionStore(directory: URL(fileURLWithPath: sessions)))
    }
    let shell = ShellOptions(
      learner: options.namedLearner, course: try options.course.provider(command: ""),
      sessionsDirectory: sessions, stateDirectory: paths.stateDirectory(),
      prefetched: prefetched)
    let status = ShellLauncher.run(shell)
    if status != 0 { throw ExitCode(status) }
  }

  /// A learner name that cannot be one, or none where only a terminal could ask for it, is a
  /// usage error (64). (Not in `LearnerOptions.validate()`: the commands that read a learner's
  /// progress also find the name the shell remembers.)
  private func checkLearner(_ paths: Paths) throws {
    if let name = options.namedLearner {
      do {
        _ = try LearnerName(name)
      } catch {
        throw CommandFailure.usage(error.message)
      }
    } else if isatty(STDIN_FILENO) == 0,
      paths.stateDirectory().flatMap({ LearnerMemory(directory: $0).recall() }) == nil
    {
      // Only a terminal can ask for a name.
      throw CommandFailure.usage("no learner given: pass --learner NAME or set NELM_LEARNER")
    }
  }
}
