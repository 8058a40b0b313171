import ArgumentParser
import Clinical
import Figures
import Foundation
import Shell

/// `nelm solve FILE`: runs the clinical engine on case facts and prints its assessment.
struct SolveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "solve",
    abstract: "Apply the clinical engine to case facts (JSON).",
    discussion: Simplifications.notice
      + "\n\n--draw adds Figure 3 (reconstructed) as a tree with the path of these facts; "
      + "--json prints only the JSON object, for programs, so the two do not go together.")

  @Argument(
    help: "A case-facts JSON file, or '-' to read standard input.",
    completion: .file(extensions: ["json"]))
  var file: String

  @Flag(help: "Print the assessment as one JSON object (see Docs/solve-output.schema.json).")
  var json = false

  @Flag(
    help: """
      After the findings, draw Figure 3 (reconstructed) as a tree with the path of these facts \
      and the rule that decided.
      """)
  var draw = false

  func validate() throws {
    // The JSON object is for programs: a drawing after it would make it unreadable to them.
    if json && draw {
      throw CommandFailure.usage(
        "--draw cannot be combined with --json: the JSON object is for programs (its `rule` "
          + "names the node that decided); draw without --json")
    }
  }

  func run() throws {
    let label = file == "-" ? "<stdin>" : file
    let data = try InputFile.read(file, label: label)
    switch CaseFactsParser.parse(json: data) {
    case .failure(let errors):
      throw CommandFailure(.badInput, lines: errors.problems.map { "\(label): \($0)" })
    case .success(let facts):
      let assessment = ClinicalEngine.assess(facts)
      if json {
        Console.out(String(decoding: assessment.jsonData(), as: UTF8.self))
      } else {
        TerminalOutput.print(assessment.reportLines())
        if draw { printTree(assessment) }
      }
    }
  }

  /// The tree after the report, which has printed the notice already: `COLUMNS` wide, else as
  /// wide as the terminal, else 80 columns (at most 160); in colour only on a terminal and
  /// without `NO_COLOR`; ASCII when the locale is not UTF-8.
  private func printTree(_ assessment: Assessment) {
    let environment = ProcessInfo.processInfo.environment
    let isTerminal = isatty(STDOUT_FILENO) == 1
    var columns: Int?
    if isTerminal, (environment["COLUMNS"].flatMap { Int($0) } ?? 0) <= 0 {
      var size = winsize()
      if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 { columns = Int(size.ws_col) }
    }
    let style = FigureStyle.detect(
      environment: environment, isTerminal: isTerminal, columns: columns)
    let lines = DecisionTreeRenderer(style: style, showsNotice: false)
      .render(highlighting: assessment)
    // The tree's labels are nelm's own words, and its styling escapes are deliberate.
    Console.out("\n" + lines.text(color: style.color))
  }
}
