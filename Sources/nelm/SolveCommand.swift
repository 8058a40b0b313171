import ArgumentParser
import Clinical
import Foundation
import Shell

/// `nelm solve FILE`: runs the clinical engine on case facts and prints its assessment.
struct SolveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "solve",
    abstract: "Apply the clinical engine to case facts (JSON).",
    discussion: Simplifications.notice)

  @Argument(help: "A case-facts JSON file, or '-' to read standard input.")
  var file: String

  @Flag(help: "Print the assessment as one JSON object (see Docs/solve-output.schema.json).")
  var json = false

  func run() throws {
    let label = file == "-" ? "<stdin>" : file
    let data = try readInput(label: label)
    switch CaseFactsParser.parse(json: data) {
    case .failure(let errors):
      for problem in errors.problems {
        CommandSupport.printError("\(label): \(problem)")
      }
      throw ExitCode(2)
    case .success(let facts):
      let assessment = ClinicalEngine.assess(facts)
      if json {
        Console.out(String(decoding: assessment.jsonData(), as: UTF8.self))
      } else {
        Console.line(assessment.reportLines().joined(separator: "\n"))
      }
    }
  }

  private func readInput(label: String) throws -> Data {
    try CommandSupport.readInput(file, label: label)
  }

}
