import Clinical
import ArgumentParser
import Course
import Foundation
import Shell

/// `nelm lint [--json] [DIR]`: checks every lesson file and prints each problem as
/// `file:line:column: message`, or the counts and problems as one JSON object.
struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check every lesson file and report problems.",
    discussion: """
      Prints each problem as file:line:column: message on standard output and a summary on \
      standard error. Besides the format, it checks the course's balance: no option position \
      holds more than 40 % of the single-answer keys (lesson checks; case treatment steps), \
      true/false keys are 40–60 % True, and no check mentions the tool (nelm, its engine, \
      rule codes or identifiers). With --json, prints one object instead: {"lessons", \
      "pages", "questions", "cases", "sources", "glossary", "keyPositions": {"lessons", \
      "cases"}, "trueFalse": {"true", "false"}, "toolMentions", "problems": [{"file", \
      "line", "column", "message"}]}. Exits 1 when there is any problem, 2 when the folder cannot \
      be read, 0 otherwise.
      """)

  @Argument(
    help:
      "The lesson folder (default: --lessons, else $NELM_LESSONS, else the installed course, else ./Lessons).",
    completion: .directory)
  var directory: String?

  @OptionGroup var course: CourseOptions

  @Flag(help: "Print the counts and every problem as one JSON object on standard output.")
  var json = false

  func run() throws {
    let directory = directory ?? course.folder
    let report: LintReport
    do {
      report = try CourseLinter.lint(directory: directory)
    } catch {
      throw CommandFailure.badInput("lint", error.message)
    }
    if json {
      JSONOutput.print(Self.json(of: report))
    } else {
      for diagnostic in report.diagnostics {
        Console.line(diagnostic.description)
      }
      CommandFailure.printError(report.summary)
    }
    if report.hasErrors { throw CommandFailure(.failure, lines: []) }
  }

  /// The object `--json` prints; counts are of what was read without a problem.
  static func json(of report: LintReport) -> JSONValue {
    let problems = report.diagnostics.map { diagnostic in
      JSONValue.object([
        .init("file", .string(diagnostic.file)),
        .init("line", .number(Double(diagnostic.line))),
        .init("column", .number(Double(diagnostic.column))),
        .init("message", .string(diagnostic.message)),
      ])
    }
    let counts: [(String, Int)] = [
      ("lessons", report.lessonCount), ("pages", report.pageCount),
      ("questions", report.questionCount), ("cases", report.caseCount),
      ("sources", report.sourceCount), ("glossary", report.glossaryCount),
    ]
    let balance = report.balance
    func positions(_ counts: [Int]) -> JSONValue {
      .object(
        counts.enumerated().map {
          JSONValue.Member(CourseBalance.letter($0.offset), .number(Double($0.element)))
        })
    }
    let spread: [JSONValue.Member] = [
      .init(
        "keyPositions",
        .object([
          .init("lessons", positions(balance.lessonKeyPositions)),
          .init("cases", positions(balance.caseKeyPositions)),
        ])),
      .init(
        "trueFalse",
        .object([
          .init("true", .number(Double(balance.trueKeys))),
          .init("false", .number(Double(balance.falseKeys))),
        ])),
      .init("toolMentions", .number(Double(balance.toolMentions.count))),
    ]
    return .object(
      counts.map { JSONValue.Member($0.0, .number(Double($0.1))) } + spread
        + [.init("problems", .array(problems))])
  }

}
