import ArgumentParser
import Course
import Foundation

/// `--lessons DIR`: the course, found one way for every command. Declared by the root command
/// (so it is read wherever it is written) and by the commands that read the course, which get
/// the root's value: swift-argument-parser hands a subcommand the option group its parent
/// has parsed.
struct CourseOptions: ParsableArguments {
  @ArgumentParser.Option(
    help: ArgumentHelp(
      "The course folder. Default: $NELM_LESSONS, else the installed course, else ./Lessons.",
      valueName: "dir"), completion: .directory)
  var lessons: String?

  func validate() throws {
    if lessons?.isEmpty == true {
      throw ValidationError("--lessons needs a value; '' names nothing")
    }
  }

  /// The course folder in effect: `--lessons`, else `$NELM_LESSONS`, else the course installed
  /// beside the binary, else `./Lessons`.
  var folder: String { lessons ?? Paths.current.defaultLessons() }

  /// The course, read through the checked cache. When it does not load, its problems and what
  /// to do are bad input (2).
  func load(command: String) throws(CommandFailure) -> Course {
    try reading(command) { folder, cache throws(CourseError) in
      try CourseCache.load(from: folder, cacheDirectory: cache)
    }
  }

  /// The course for the shell, read as `load` reads it, except that a fresh cache is decoded in
  /// the background while the shell opens the session.
  func provider(command: String) throws(CommandFailure) -> CourseProvider {
    try reading(command) { folder, cache throws(CourseError) in
      try CourseCache.provider(from: folder, cacheDirectory: cache)
    }
  }

  /// `read(folder, cacheDirectory)`, its failure told the same way for every command.
  private func reading<Value>(
    _ command: String, _ read: (String, String?) throws(CourseError) -> Value
  ) throws(CommandFailure) -> Value {
    let folder = folder
    do {
      return try read(folder, Paths.current.cacheDirectory())
    } catch .invalid(let diagnostics) {
      throw .badInput(
        command, "the course in \(folder) does not load; `nelm lint \(folder)` checks it",
        details: diagnostics.map(\.description))
    } catch {
      throw .badInput(command, error.message)
    }
  }
}
