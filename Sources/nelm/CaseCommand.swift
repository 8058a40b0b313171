import ArgumentParser
import Course
import Foundation

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
        print("No cases.")
      } else {
        print(course.cases.flatMap(\.listLines).joined(separator: "\n"))
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
        print(found.reportLines().joined(separator: "\n"))
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

  /// The course in `directory`, else `$NELM_LESSONS`, else `Lessons`; exits 1 with its
  /// problems on standard error when it does not load.
  static func loadCourse(_ directory: String?) throws -> Course {
    let environment = ProcessInfo.processInfo.environment["NELM_LESSONS"]
    let folder =
      directory ?? lessonsArgument(in: CommandLine.arguments)
      ?? environment.flatMap { $0.isEmpty ? nil : $0 } ?? "Lessons"
    do {
      return try CourseLoader.load(from: folder)
    } catch .invalid(let diagnostics) {
      for diagnostic in diagnostics { printError(diagnostic.description) }
      throw failure("the course in \(folder) does not load; `nelm lint \(folder)` checks it")
    } catch {
      throw failure(error.message)
    }
  }

  /// The last `--lessons DIR` or `--lessons=DIR` in `arguments`.
  ///
  /// The root command declares `--lessons` too, and ArgumentParser gives the root every
  /// occurrence, even one written after `case list`; the subcommand's own property then stays
  /// nil, so the value is read back from the command line, which the parser has validated.
  static func lessonsArgument(in arguments: [String]) -> String? {
    var found: String?
    var index = arguments.startIndex
    while index < arguments.endIndex, arguments[index] != "--" {
      let argument = arguments[index]
      if argument == "--lessons", index + 1 < arguments.endIndex {
        found = arguments[index + 1]
        index += 1
      } else if argument.hasPrefix("--lessons=") {
        found = String(argument.dropFirst("--lessons=".count))
      }
      index += 1
    }
    return found
  }

  static func printJSON(_ value: JSONValue) {
    FileHandle.standardOutput.write(Data((value.prettyPrinted() + "\n").utf8))
  }

  /// Prints `message` on standard error; the exit code to throw.
  static func failure(_ message: String) -> ExitCode {
    printError("nelm case: \(message)")
    return ExitCode(1)
  }

  private static func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
