import ArgumentParser
import Foundation
import Shell

@main
struct Nelm: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nelm",
    abstract: "A terminal tutor on the management of neuroendocrine liver metastases.",
    discussion: """
      With no subcommand, opens the study shell on the course. nelm is a teaching tool built \
      on Frilling et al., HPB 2010; it is not clinical decision support.
      """,
    version: "0.1",
    subcommands: [LintCommand.self, SolveCommand.self, CaseCommand.self, ExportCommand.self]
      + ReferenceCommands.all + [ScheduleCommand.self, ProgressCommand.self, SyncCommand.self]
  )

  @Option(
    help: ArgumentHelp(
      "Whose progress to use (letters, digits, '-', '_', '.'). Default: $NELM_LEARNER, else the name you gave last time.",
      valueName: "name"))
  var learner: String?

  @Option(
    help: ArgumentHelp(
      "The course folder. Default: $NELM_LESSONS, else the installed course, else ./Lessons.",
      valueName: "dir"))
  var lessons: String?

  @Option(
    help: ArgumentHelp(
      "Where session files are kept. Default: $NELM_SESSIONS, else $XDG_DATA_HOME/nelm/sessions.",
      valueName: "dir"))
  var sessions: String?

  func run() throws {
    let paths = Paths(environment: ProcessInfo.processInfo.environment)
    let options = ShellOptions(
      learner: learner ?? paths.learner(),
      lessonsDirectory: lessons ?? paths.defaultLessons(),
      sessionsDirectory: sessions ?? paths.defaultSessions(),
      stateDirectory: paths.stateDirectory(), cacheDirectory: paths.cacheDirectory())
    let status = ShellLauncher.run(options)
    if status != 0 { throw ExitCode(status) }
  }
}
