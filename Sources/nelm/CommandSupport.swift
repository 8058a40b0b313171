import Clinical
import ArgumentParser
import Course
import Foundation
import Shell

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

  /// The largest input `solve` or `schedule replay` reads: a review history of 100,000
  /// reviews is about 5 MB.
  static let largestInput = 64 << 20

  /// The bytes of `file`, or of standard input for `-`, at most `largestInput`. A missing,
  /// unreadable or too large input is reported as `LABEL: …` and ends the command with exit
  /// code 2 (bad input).
  static func readInput(_ file: String, label: String) throws -> Data {
    let fd = file == "-" ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      printError(
        "\(label): "
          + (errno == ENOENT
            ? "no such file"
            : "cannot read the file: "
              + String(cString: strerror(errno))))
      throw ExitStatus.badInput.code
    }
    defer { if fd != STDIN_FILENO { close(fd) } }
    var info = stat()
    if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
      printError("\(label): cannot read the file: it is a folder")
      throw ExitStatus.badInput.code
    }
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = read(fd, &chunk, chunk.count)
      if count < 0 && errno == EINTR { continue }
      if count < 0 {
        printError("\(label): cannot read the file: \(String(cString: strerror(errno)))")
        throw ExitStatus.badInput.code
      }
      if count == 0 { return data }
      data.append(contentsOf: chunk[0..<count])
      if data.count > largestInput {
        printError("\(label): the input is larger than \(largestInput) bytes")
        throw ExitStatus.badInput.code
      }
    }
  }

  /// Prints `nelm COMMAND: message` on standard error; failure (1), the exit code to throw.
  static func failure(_ command: String, _ message: String) -> ExitCode {
    printError((command.isEmpty ? "nelm: " : "nelm \(command): ") + message)
    return ExitStatus.failure.code
  }

  /// Prints `nelm COMMAND: message` on standard error; bad input (2), the exit code to throw.
  static func badInput(_ command: String, _ message: String) -> ExitCode {
    printError((command.isEmpty ? "nelm: " : "nelm \(command): ") + message)
    return ExitStatus.badInput.code
  }

  /// A usage error (64) with `message`, its control characters made visible: the parser
  /// prints it with the command's usage.
  static func usage(_ message: String) -> ValidationError {
    ValidationError(Diagnostic.printable(message))
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

  /// Prints a JSON value, pretty, on standard output.
  static func printJSON(_ value: JSONValue) {
    Console.out(value.prettyPrinted() + "\n")
  }
}
