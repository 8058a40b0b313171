import ArgumentParser
import Clinical
import Foundation

/// `nelm solve FILE`: runs the clinical engine on case facts and prints its assessment.
struct SolveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "solve",
    abstract: "Apply the clinical engine to case facts (JSON).",
    discussion: Simplifications.notice)

  @Argument(
    help: "A case-facts JSON file, or '-' to read standard input.",
    completion: .file(extensions: ["json"]))
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
      throw ExitStatus.badInput.code
    case .success(let facts):
      let assessment = ClinicalEngine.assess(facts)
      if json {
        FileHandle.standardOutput.write(assessment.jsonData())
      } else {
        TerminalOutput.print(assessment.reportLines())
      }
    }
  }

  private func readInput(label: String) throws -> Data {
    try CommandSupport.readInput(file, label: label)
  }

}
