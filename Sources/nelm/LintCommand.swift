import ArgumentParser
import Course
import Foundation

/// `nelm lint [DIR]`: checks every lesson file and prints each problem as
/// `file:line:column: message`.
struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check every lesson file and report problems.",
    discussion: """
      Prints each problem as file:line:column: message on standard output and a summary on \
      standard error. Exits 1 when there is any problem, 0 otherwise.
      """)

  @Argument(help: "The lesson folder (default: $NELM_LESSONS, else Lessons).")
  var directory: String?

  func run() throws {
    let directory =
      directory ?? ProcessInfo.processInfo.environment["NELM_LESSONS"].flatMap {
        $0.isEmpty ? nil : $0
      } ?? "Lessons"
    let report: LintReport
    do {
      report = try CourseLinter.lint(directory: directory)
    } catch {
      printError("nelm lint: \(error.message)")
      throw ExitCode(1)
    }
    for diagnostic in report.diagnostics {
      print(diagnostic)
    }
    printError(report.summary)
    if report.hasErrors { throw ExitCode(1) }
  }

  private func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
