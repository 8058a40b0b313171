import ArgumentParser
import Course
import Exports
import Foundation
import Progress
import Shell

/// `--learner`, `--lessons` and `--sessions`: whose progress, on which course, kept where.
/// Declared by the root command, so that the shell (its default subcommand) and the commands
/// that read a learner's progress (`progress`, `sync`, `export xapi|markdown`) all get the
/// values written anywhere on the command line.
struct LearnerOptions: ParsableArguments {
  @ArgumentParser.Option(
    help: ArgumentHelp(
      "Whose progress to use (letters, digits, '-', '_', '.'). Default: $NELM_LEARNER, else the name you gave last time.",
      valueName: "name"), completion: CompletionValues.learners)
  var learner: String?

  @OptionGroup var course: CourseOptions

  @ArgumentParser.Option(
    help: ArgumentHelp(
      "Where session files are kept. Default: $NELM_SESSIONS, else $XDG_DATA_HOME/nelm/sessions.",
      valueName: "dir"), completion: .directory)
  var sessions: String?

  func validate() throws {
    for (name, value) in [("--sessions", sessions), ("--learner", learner)]
    where value?.isEmpty == true {
      throw ValidationError("\(name) needs a value; '' names nothing")
    }
  }

  /// The learner named: `--learner`, else `$NELM_LEARNER`; nil when neither is given.
  var namedLearner: String? { learner ?? Paths.current.learner() }

  /// The sessions folder: `--sessions`, else the default; a failure (1) when there is none.
  func sessionsFolder(command: String) throws(CommandFailure) -> String {
    guard let folder = sessions ?? Paths.current.defaultSessions() else {
      throw .failure(command, Paths.noSessionsFolder)
    }
    return folder
  }

  /// The learner's name and their sessions folder, the learner found as the shell finds them:
  /// option, environment, then the name it remembers. None, or a name that cannot be one, is
  /// a usage error (64).
  func learnerAndStore(command: String) throws -> (LearnerName, SessionStore) {
    let remembered = Paths.current.stateDirectory().flatMap {
      LearnerMemory(directory: $0).recall()?.value
    }
    guard let name = namedLearner ?? remembered else {
      throw CommandFailure.usage("no learner given: pass --learner NAME or set NELM_LEARNER")
    }
    let directory = try sessionsFolder(command: command)
    let learnerName: LearnerName
    do {
      learnerName = try LearnerName(name)
    } catch {
      throw CommandFailure.usage(error.message)
    }
    return (learnerName, SessionStore(directory: URL(fileURLWithPath: directory)))
  }

  /// What a command reads: the course, and the learner's record with where it lives.
  struct Loaded {
    var course: Course
    var record: LearnerRecord
    var store: SessionStore
    /// The learner's session file (which may not exist when there is only a log).
    var sessionFile: URL
  }

  /// The course and the learner's record, read without the session's lock. A learner without
  /// progress is bad input (2); a record that cannot be read is a failure (1).
  func load(command: String) throws -> Loaded {
    let loadedCourse = try course.load(command: command)
    let (name, store) = try learnerAndStore(command: command)
    do {
      let record = try LearnerRecord.read(name, from: store)
      return Loaded(
        course: loadedCourse, record: record, store: store, sessionFile: store.fileURL(for: name))
    } catch .noProgress(let learner, let directory) {
      throw CommandFailure.badInput(
        command, ExportError.noProgress(learner: learner, directory: directory).message)
    } catch {
      throw CommandFailure.failure(command, error.message)
    }
  }
}
