import ArgumentParser
import Cases
import Clinical
import Course
import Foundation
import Identifiers
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
        "The course folder (default: $NELM_LESSONS, else Lessons).", valueName: "dir"),
      completion: .directory)
    var lessons: String?

    func run() throws {
      let course = try CaseCommand.loadCourse(lessons)
      if json {
        CaseCommand.printJSON(.array(course.cases.map(\.summaryJSON)))
      } else if course.cases.isEmpty {
        Console.line("No cases.")
      } else {
        TerminalOutput.print(course.cases.flatMap(\.listLines))
      }
    }
  }

  /// `nelm case show ID`: a case's facts, steps, options and the engine's key.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a case: its facts, its steps and the engine's key to each.",
      discussion: """
        ID is an authored case's id, or random:SEED (random:SEED:TOPIC, TOPIC one of \
        \(CaseTopic.names.joined(separator: ", "))) for a generated case.
        """)

    @Argument(
      help: "A case id (see `nelm case list`), or random:SEED[:TOPIC].",
      completion: CompletionValues.caseIDs)
    var id: CaseID

    @Flag(help: "Print one JSON object: the final facts and every step with its key.")
    var json = false

    @ArgumentParser.Option(
      help: ArgumentHelp(
        "The course folder (default: $NELM_LESSONS, else Lessons).", valueName: "dir"),
      completion: .directory)
    var lessons: String?

    func validate() throws {
      if id.isGenerated, id.generated == nil {
        throw CommandSupport.usage(
          "'\(id)' is not a generated case; write random:SEED or random:SEED:TOPIC, SEED a "
            + "whole number, TOPIC one of \(CaseTopic.names.joined(separator: ", "))")
      }
    }

    func run() throws {
      let found = try clinicalCase()
      if json {
        CaseCommand.printJSON(found.showJSON)
      } else {
        TerminalOutput.print(found.reportLines())
      }
    }

    /// A generated case without the course; an authored one from it.
    private func clinicalCase() throws -> ClinicalCase {
      if let generated = CaseGenerator.generate(id) { return generated }
      let course = try CaseCommand.loadCourse(lessons)
      guard let found = course.clinicalCase(id: id) else {
        throw CommandSupport.badInput(
          "case", "no case '\(id)'; `nelm case list` shows the case ids, or use random:SEED")
      }
      return found
    }
  }

  /// The course for a `nelm case` command.
  static func loadCourse(_ directory: String?) throws -> Course {
    try CommandSupport.loadCourse(directory, command: "case")
  }

  static func printJSON(_ value: JSONValue) { CommandSupport.printJSON(value) }
}

extension CaseID: ExpressibleByArgument {
  /// The id as typed on the command line.
  public init?(argument: String) { self.init(argument) }
}
