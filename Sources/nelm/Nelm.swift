import ArgumentParser

@main
struct Nelm: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nelm",
    abstract: "A terminal tutor on the management of neuroendocrine liver metastases.",
    subcommands: [LintCommand.self, SolveCommand.self]
  )
}
