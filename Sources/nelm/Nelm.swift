import ArgumentParser
import Foundation
import Progress
import Shell
import Tutor

@main
struct Nelm: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nelm",
    abstract: "A terminal tutor on the management of neuroendocrine liver metastases.",
    discussion: """
      With no subcommand, opens the study shell on the course. nelm is a teaching tool built \
      on Frilling et al., HPB 2010; it is not clinical decision support.


      """ + ExitStatus.helpTable,
    version: "0.1",
    subcommands: [LintCommand.self, SolveCommand.self, CaseCommand.self, ExportCommand.self]
      + ReferenceCommands.all + [ScheduleCommand.self, ProgressCommand.self, SyncCommand.self]
  )

  @Option(
    help: ArgumentHelp(
      "Whose progress to use (letters, digits, '-', '_', '.'). Default: $NELM_LEARNER, else the name you gave last time.",
      valueName: "name"), completion: CompletionValues.learners)
  var learner: String?

  @Option(
    help: ArgumentHelp(
      "The course folder. Default: $NELM_LESSONS, else the installed course, else ./Lessons.",
      valueName: "dir"), completion: .directory)
  var lessons: String?

  @Option(
    help: ArgumentHelp(
      "Where session files are kept. Default: $NELM_SESSIONS, else $XDG_DATA_HOME/nelm/sessions.",
      valueName: "dir"), completion: .directory)
  var sessions: String?

  /// Runs the command, then ends with a failure status when standard output could not be
  /// written (a closed or full output, a reader that went away): after the work is saved,
  /// never with a crash.
  static func main() {
    Console.prepare()
    for warning in Paths(environment: ProcessInfo.processInfo.environment).warnings {
      Console.err("nelm: \(TextRenderer.printable(warning))\n")
    }
    var command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      exit(withError: error)
    }
    do {
      try command.run()
    } catch {
      if let status = Console.exitStatus { Foundation.exit(status) }
      exit(withError: error)
    }
    if let status = Console.exitStatus { Foundation.exit(status) }
    exit()
  }

  func validate() throws {
    for (name, value) in [("--sessions", sessions), ("--lessons", lessons), ("--learner", learner)]
    where value?.isEmpty == true {
      throw ValidationError("\(name) needs a value; '' names nothing")
    }
  }

  /// A learner name that cannot be one, or none where only a terminal could ask for it, is a
  /// usage error. (Not in `validate()`, which runs before every subcommand too.)
  private func checkLearner(_ paths: Paths) throws {
    if let name = learner ?? paths.learner() {
      do {
        _ = try LearnerName(name)
      } catch {
        throw CommandSupport.usage(error.message)
      }
    } else if isatty(STDIN_FILENO) == 0,
      paths.stateDirectory().flatMap({ LearnerMemory(directory: $0).recall() }) == nil
    {
      // Only a terminal can ask for a name.
      throw CommandSupport.usage("no learner given: pass --learner NAME or set NELM_LEARNER")
    }
  }

  /// For `make install`: print the man page's own sections instead of opening the shell.
  @Flag(help: .private) var manualSections = false

  func run() throws {
    if manualSections {
      Console.out(ManualSections.mdoc + "\n")
      return
    }
    let paths = Paths(environment: ProcessInfo.processInfo.environment)
    try checkLearner(paths)
    guard let sessionsDirectory = sessions ?? paths.defaultSessions() else {
      throw CommandSupport.failure("", Paths.noSessionsFolder)
    }
    let options = ShellOptions(
      learner: learner ?? paths.learner(),
      lessonsDirectory: lessons ?? paths.defaultLessons(),
      sessionsDirectory: sessionsDirectory,
      stateDirectory: paths.stateDirectory(), cacheDirectory: paths.cacheDirectory())
    let status = ShellLauncher.run(options)
    if status != 0 { throw ExitCode(status) }
  }
}
