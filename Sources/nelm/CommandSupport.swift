import Clinical
import ArgumentParser
import Course
import Foundation

/// What every script-facing command shares: reading a root option back from the command
/// line, loading the course, and printing errors.
enum CommandSupport {
  /// The last `NAME VALUE` or `NAME=VALUE` before any `--` in the command line.
  ///
  /// The root command declares `--lessons`, `--learner` and `--sessions` for the shell, and
  /// ArgumentParser gives the root every occurrence, even one written after a subcommand's
  /// name; the subcommand's own property then stays nil, so the value is read back from the
  /// command line, which the parser has already validated.
  static func lastValue(of name: String, in arguments: [String] = CommandLine.arguments)
    -> String?
  {
    var found: String?
    var index = arguments.startIndex
    while index < arguments.endIndex, arguments[index] != "--" {
      let argument = arguments[index]
      if argument == name, index + 1 < arguments.endIndex {
        found = arguments[index + 1]
        index += 1
      } else if argument.hasPrefix(name + "=") {
        found = String(argument.dropFirst(name.count + 1))
      }
      index += 1
    }
    return found
  }

  /// The course in `directory`, else the last `--lessons`, else the default
  /// (`$NELM_LESSONS`, the installed course, `./Lessons`), read through the checked cache.
  /// When it does not load, prints its problems and throws bad input (2).
  static func loadCourse(_ directory: String?, command: String) throws -> Course {
    let paths = Paths(environment: ProcessInfo.processInfo.environment)
    let folder = directory ?? lastValue(of: "--lessons") ?? paths.defaultLessons()
    do {
      return try CourseCache.load(from: folder, cacheDirectory: paths.cacheDirectory())
    } catch .invalid(let diagnostics) {
      for diagnostic in diagnostics { printError(diagnostic.description) }
      throw badInput(
        command, "the course in \(folder) does not load; `nelm lint \(folder)` checks it")
    } catch {
      throw badInput(command, error.message)
    }
  }

  /// The bytes of `file`, or of standard input for `-`. A missing or unreadable file is
  /// reported as `LABEL: …` and ends the command with exit code 2 (bad input).
  static func readInput(_ file: String, label: String) throws -> Data {
    if file == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
      printError("\(label): no such file")
      throw ExitStatus.badInput.code
    }
    guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: file) else {
      printError("\(label): cannot read the file")
      throw ExitStatus.badInput.code
    }
    return data
  }

  /// Prints `nelm COMMAND: message` on standard error; failure (1), the exit code to throw.
  static func failure(_ command: String, _ message: String) -> ExitCode {
    printError("nelm \(command): \(message)")
    return ExitStatus.failure.code
  }

  /// Prints `nelm COMMAND: message` on standard error; bad input (2), the exit code to throw.
  static func badInput(_ command: String, _ message: String) -> ExitCode {
    printError("nelm \(command): \(message)")
    return ExitStatus.badInput.code
  }

  /// A usage error (64) with `message`, its control characters made visible: the parser
  /// prints it with the command's usage.
  static func usage(_ message: String) -> ValidationError {
    ValidationError(Diagnostic.printable(message))
  }

  /// Prints a line on standard error; control characters in it (errors quote the facts or
  /// ids they were given) are shown as `\u{1b}`, never sent to the terminal.
  static func printError(_ line: String) {
    FileHandle.standardError.write(Data((Diagnostic.printable(line) + "\n").utf8))
  }

  /// Prints a JSON value, pretty, on standard output.
  static func printJSON(_ value: JSONValue) {
    FileHandle.standardOutput.write(Data((value.prettyPrinted() + "\n").utf8))
  }
}
