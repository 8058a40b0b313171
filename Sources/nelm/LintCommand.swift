import ArgumentParser

/// `nelm lint [DIR]`: checks every lesson file. (Placeholder until the loader lands.)
struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint", abstract: "Check every lesson file and report problems.")
}
