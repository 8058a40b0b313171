import ArgumentParser
import Foundation
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
    subcommands: [ShellSubcommand.self, LintCommand.self, SolveCommand.self, CaseCommand.self]
      + [ExportCommand.self] + ReferenceCommands.all
      + [ScheduleCommand.self, ProgressCommand.self, SyncCommand.self],
    defaultSubcommand: ShellSubcommand.self
  )

  /// `--learner`, `--lessons` and `--sessions`, declared here so that they are read wherever
  /// they are written on the command line; a subcommand that declares the same group (or its
  /// `CourseOptions`) is handed these values by swift-argument-parser.
  @OptionGroup var options: LearnerOptions

  /// Runs the command, then ends with a failure status when standard output could not be
  /// written (a closed or full output, a reader that went away): after the work is saved,
  /// never with a crash. A `CommandFailure` is printed and ends with its status; the parser's
  /// own errors (usage, 64) are printed by it.
  static func main() {
    Console.prepare()
    for warning in Paths.current.warnings {
      Console.err("nelm: \(TextRenderer.printable(warning))\n")
    }
    var command: any ParsableCommand
    if let shell = ShellCommandLine(CommandLine.arguments.dropFirst()) {
      command = shell.command
    } else {
      do {
        command = try parseAsRoot()
      } catch {
        exit(withError: error)
      }
    }
    do {
      try command.run()
    } catch {
      if let status = Console.exitStatus { Foundation.exit(status) }
      if let failure = error as? CommandFailure {
        failure.print()
        if let status = Console.exitStatus { Foundation.exit(status) }
        Foundation.exit(failure.status.rawValue)
      }
      exit(withError: error)
    }
    if let status = Console.exitStatus { Foundation.exit(status) }
    exit()
  }
}
