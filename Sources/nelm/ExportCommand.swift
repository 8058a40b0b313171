import ArgumentParser
import Course
import Exports
import Foundation
import Progress
import Shell
import Tutor

/// `nelm export anki|xapi|markdown FILE`: the course as Anki notes, a learner's answers as
/// xAPI statements, or a learner's recap in Markdown.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export the course to Anki, or a learner's progress as xAPI or Markdown.",
    discussion: "FILE '-' writes to standard output.",
    subcommands: [Anki.self, XAPI.self, Markdown.self])
}

extension ExportCommand {
  /// `nelm export anki FILE`: every check question and authored case step as an Anki note.
  struct Anki: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the course's questions and case steps as an Anki import file.",
      discussion: """
        Import it with File > Import (Anki 2.1.55 or later): each lesson gets a deck under \
        'nelm', and importing a newer export updates the notes instead of adding copies.
        """)

    @Argument(help: "The file to write, or '-' for standard output.")
    var file: String

    @ArgumentParser.Option(help: ArgumentHelp(lessonsHelp, valueName: "dir"))
    var lessons: String?

    func run() throws {
      let course = try ExportCommand.loadCourse(lessons)
      try ExportCommand.write(AnkiExport.text(of: course), to: file) {
        "\(AnkiExport.notes(of: course).count) notes"
      }
    }
  }

  /// `nelm export xapi FILE`: a learner's answers and completions as xAPI statements.
  struct XAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "xapi",
      abstract: "Write a learner's answers and completions as a JSON array of xAPI statements.")

    @Argument(help: "The file to write, or '-' for standard output.")
    var file: String

    @OptionGroup var record: RecordOptions

    func run() throws {
      let (course, progress) = try record.load()
      let statements = XAPIExport.statements(for: progress, course: course)
      try ExportCommand.write(XAPIExport.text(of: statements), to: file, printable: false) {
        "\(statements.count) statements"
      }
    }
  }

  /// `nelm export markdown FILE`: a readable recap of a learner's lessons and cases.
  struct Markdown: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a learner's recap: lessons with answers right and wrong, cases, points.")

    @Argument(help: "The file to write, or '-' for standard output.")
    var file: String

    @OptionGroup var record: RecordOptions

    func run() throws {
      let (course, progress) = try record.load()
      try ExportCommand.write(MarkdownRecap.text(for: progress, course: course), to: file) {
        "the recap of \(progress.learner)"
      }
    }
  }

  static let lessonsHelp =
    "The course folder. Default: $NELM_LESSONS, else the installed course, else ./Lessons."

  /// Where a learner's record is read from.
  struct RecordOptions: ParsableArguments {
    @ArgumentParser.Option(help: ArgumentHelp(lessonsHelp, valueName: "dir"))
    var lessons: String?

    @ArgumentParser.Option(
      help: ArgumentHelp(
        "Whose progress. Default: $NELM_LEARNER, else the name given last time in the shell.",
        valueName: "name"))
    var learner: String?

    @ArgumentParser.Option(
      help: ArgumentHelp(
        "Where session files are kept. Default: $NELM_SESSIONS, else "
          + "$XDG_DATA_HOME/nelm/sessions.", valueName: "dir"))
    var sessions: String?

    /// The course and the learner's record; exits 1 with a message when either is missing.
    func load() throws -> (Course, LearnerRecord) {
      let course = try ExportCommand.loadCourse(lessons)
      let paths = Paths(environment: ProcessInfo.processInfo.environment)
      // The learner as the shell finds it: option, environment, then the name it remembers.
      guard
        let name = learner ?? CommandSupport.lastValue(of: "--learner") ?? paths.learner()
          ?? paths.stateDirectory().flatMap({ LearnerMemory(directory: $0).recall()?.value })
      else { throw failure("no learner given: pass --learner NAME or set NELM_LEARNER") }
      guard
        let directory = sessions ?? CommandSupport.lastValue(of: "--sessions")
          ?? paths.defaultSessions()
      else { throw failure(Paths.noSessionsFolder) }
      do {
        let store = SessionStore(directory: URL(fileURLWithPath: directory))
        return (course, try LearnerRecord.read(try LearnerName(name), from: store))
      } catch let error as ExportError {
        throw failure(error.message)
      } catch let error as ProgressError {
        throw failure(error.message)
      }
    }
  }
}

extension ExportCommand {
  /// The course for a `nelm export` command.
  static func loadCourse(_ directory: String?) throws -> Course {
    try CommandSupport.loadCourse(directory, command: "export")
  }

  /// Writes `text` to `file` (see `ExportTarget`), or to standard output for `-`; after a
  /// file, says what was written. Text exports (Markdown, Anki) carry the course's text, so
  /// they are made printable first: no escape sequence from a lesson reaches a terminal or a
  /// file (tabs, which separate Anki's fields, stay); xAPI is JSON, already escaped.
  static func write(_ text: String, to file: String, printable: Bool = true, what: () -> String)
    throws
  {
    let safe = printable ? TextRenderer.printable(text, keepingTabs: true) : text
    do {
      try ExportTarget.write(safe, to: file)
    } catch {
      guard let message = error.message else { throw ExitCode(error.status) }
      throw failure(message)
    }
    if file != "-" { Console.line("Wrote \(what()) to \(file).") }
  }
}

/// Prints `message` on standard error; the exit code to throw.
private func failure(_ message: String) -> ExitCode {
  CommandSupport.failure("export", message)
}
