import ArgumentParser
import Testing

@testable import nelm

/// The shell's own command-line reader must mean what swift-argument-parser means by every
/// line it accepts, and leave every other line to the parser.
@Suite("The shell's command line, read without the parser")
struct ShellCommandLineTests {
  /// What the parser makes of `arguments`: the shell's three options, or nil when it makes
  /// anything but the shell (another command, help, an error).
  func parsed(_ arguments: [String]) -> ShellCommandLine? {
    guard let shell = try? Nelm.parseAsRoot(arguments) as? ShellSubcommand,
      !shell.manualSections
    else { return nil }
    var line = ShellCommandLine([])
    line?.learner = shell.options.learner
    line?.lessons = shell.options.course.lessons
    line?.sessions = shell.options.sessions
    return line
  }

  @Test(
    "the plain ways of opening the shell are read here, as the parser reads them",
    arguments: [
      [],
      ["shell"],
      ["--learner", "eva"],
      ["--learner=eva"],
      ["--lessons", "Lessons", "--sessions", "/tmp/s", "--learner", "eva"],
      ["shell", "--sessions=/tmp/s", "--lessons=/a b/c", "--learner", "eva.m_2"],
      ["--learner", "a=b"],
      ["--learner=a=b"],
      ["--lessons", "shell"],
      ["--learner", "lint"],
    ])
  func readLikeTheParser(arguments: [String]) throws {
    let line = try #require(ShellCommandLine(arguments))
    #expect(parsed(arguments) == line)
  }

  @Test(
    "everything else is left to the parser",
    arguments: [
      ["--help"], ["-h"], ["help"], ["--version"], ["lint"], ["shell", "--help"],
      ["--learner"], ["--learner", ""], ["--learner="], ["--learner", "--lessons"],
      ["--learner", "-x"], ["--learner", "a", "--learner", "b"], ["--", "--learner", "a"],
      ["--manual-sections"], ["--generate-completion-script", "bash"], ["--learn", "eva"],
      ["eva"], ["shell", "shell"], ["--learner", "eva", "shell"], ["progress", "--learner", "a"],
    ])
  func otherLinesAreLeft(arguments: [String]) {
    #expect(ShellCommandLine(arguments) == nil)
  }

  @Test("the command made is the parser's shell command with the same options")
  func commandCarriesTheOptions() throws {
    let line = try #require(
      ShellCommandLine(["--learner", "eva", "--lessons", "L", "--sessions", "/s"]))
    let command = line.command
    #expect(command.options.learner == "eva")
    #expect(command.options.course.lessons == "L")
    #expect(command.options.sessions == "/s")
    #expect(command.manualSections == false)
  }
}
