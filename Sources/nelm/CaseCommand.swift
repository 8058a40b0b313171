import Clinical
import ArgumentParser
import Course
import Foundation
import Shell

/// `nelm case list|show`: the clinical cases of the course and the engine's key to each step.
struct CaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "case",
    abstract: "List the clinical cases, or show one with the engine's answer to every step.",
    subcommands: [List.self, Show.self])
}

extension CaseCommand {
  /// `nelm case list`: every authored case with its tags and step kinds.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the authored cases (the course's cases/ folder).")

    @Flag(help: "Print a JSON array of {id, title, tags, stepKinds}.")
    var json = false

    @ArgumentParser.Option(
      help: ArgumentHelp(
        "The course folder (default: $NELM_LESSONS, else Lessons).", valueName: "dir"))
    var lessons: String?

    func run() throws {
      let course = try CaseCommand.loadCourse(lessons)
      if json {
        CaseCommand.printJSON(.array(course.cases.map(\.summaryJSON)))
      } else if course.cases.isEmpty {
        Console.line("No cases.")
      } else {
        Console.line(course.cases.flatMap(\.listLines).joined(separator: "\n"))
      }
    }
  }

  /// `nelm case show ID`: a case's facts, steps, options and the engine's key.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a case: its facts, its steps and the engine's key to each.",
      discussion: "ID is an authored case's id, or random:SEED for a generated case.")

    @Argument(help: "A case id (see `nelm case list`), or random:SEED.")
    var id: String

    @Flag(help: "Print one JSON object: the final facts and every step with its key.")
    var json = false

    @ArgumentParser.Option(
      help: ArgumentHelp(
        "The course folder (default: $NELM_LESSONS, else Lessons).", valueName: "dir"))
    var lessons: String?

    func run() throws {
      let found = try clinicalCase()
      if json {
        CaseCommand.printJSON(found.showJSON)
      } else {
        Console.line(found.reportLines().joined(separator: "\n"))
      }
    }

    private func clinicalCase() throws -> ClinicalCase {
      if id.hasPrefix("random:") {
        guard let seed = UInt64(id.dropFirst("random:".count)) else {
          throw CaseCommand.failure("'\(id)' is not a seed; write random:NUMBER (0 or more)")
        }
        return CaseGenerator.generate(seed: seed, topic: nil)
      }
      let course = try CaseCommand.loadCourse(lessons)
      guard let found = course.clinicalCase(id: id) else {
        throw CaseCommand.failure(
          "no case '\(id)'; `nelm case list` shows the case ids, or use random:SEED")
      }
      return found
    }
  }

  /// The course for a `nelm case` command.
  static func loadCourse(_ directory: String?) throws -> Course {
    try CommandSupport.loadCourse(directory, command: "case")
  }

  static func printJSON(_ value: JSONValue) { CommandSupport.printJSON(value) }

  /// Prints `message` on standard error; the exit code to throw.
  static func failure(_ message: String) -> ExitCode {
    CommandSupport.failure("case", message)
  }
}
