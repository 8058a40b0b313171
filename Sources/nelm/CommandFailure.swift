import ArgumentParser
import Course
import Foundation
import Shell

/// Why a command ended without success, as data: its status in the exit-status table and
/// the lines that say why. `Nelm.main` renders every one the same way (`print()`), then ends
/// with the status.
struct CommandFailure: Error {
  /// The status the command ends with.
  var status: ExitStatus
  /// What to print on standard error, one line each: details first (a course's diagnostics, a
  /// file's problems, each `file: problem`), then `nelm COMMAND: message`.
  var lines: [String]

  /// `nelm COMMAND: message`, after `details`; `COMMAND` empty for the shell.
  init(_ status: ExitStatus, _ command: String, _ message: String, details: [String] = []) {
    self.status = status
    lines = details + [(command.isEmpty ? "nelm: " : "nelm \(command): ") + message]
  }

  /// Lines that say it all by themselves (`<stdin>: no such file`); none when the command
  /// has said why already (lint's report, the shell's reply).
  init(_ status: ExitStatus, lines: [String]) {
    self.status = status
    self.lines = lines
  }

  /// The command ran on good input but did not succeed, or found nothing (1).
  static func failure(_ command: String, _ message: String) -> CommandFailure {
    CommandFailure(.failure, command, message)
  }

  /// Something named is missing, unreadable or invalid (2).
  static func badInput(_ command: String, _ message: String, details: [String] = [])
    -> CommandFailure
  {
    CommandFailure(.badInput, command, message, details: details)
  }

  /// A usage error (64) with `message`, its control characters made visible: the parser
  /// prints it with the command's usage.
  static func usage(_ message: String) -> ValidationError {
    ValidationError(Diagnostic.printable(message))
  }

  /// Prints the lines on standard error.
  func print() {
    for line in lines { Self.printError(line) }
  }

  /// Prints a line on standard error; control characters in it (errors quote the facts or
  /// ids they were given) are shown as `\u{1b}`, never sent to the terminal, and a message
  /// that quotes a huge value is cut to `longestMessage` characters.
  static func printError(_ line: String) {
    Console.err(Diagnostic.printable(shortened(line)) + "\n")
  }

  /// The longest error line printed whole.
  static let longestMessage = 400

  /// `line`, or its start and how much was left out when it is longer than `longestMessage`
  /// (a 10 MB value in the input must not come back in full).
  static func shortened(_ line: String) -> String {
    guard line.count > longestMessage else { return line }
    let left = line.count - longestMessage
    return line.prefix(longestMessage) + "… (\(left) more characters)"
  }
}
