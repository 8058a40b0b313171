import ArgumentParser

/// `nelm solve FILE`: runs the clinical engine on case facts. (Placeholder.)
struct SolveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "solve", abstract: "Apply the clinical engine to case facts (JSON).")
}
