import ArgumentParser
import Course
import Exports
import Foundation
import Progress
import Shell

/// `--learner`, `--lessons` and `--sessions`, found as the shell finds them, for the commands
/// that read a learner's progress without opening the shell (`progress`, `sync`,
/// `export xapi`).
struct LearnerOptions: ParsableArguments {
  @ArgumentParser.Option(
    help: ArgumentHelp(
      "Whose progress. Default: $NELM_LEARNER, else the name given last time in the shell.",
      valueName: "name"), completion: CompletionValues.learners)
  var learner: String?

  @ArgumentParser.Option(
    help: ArgumentHelp(
      "The course folder. Default: $NELM_LESSONS, else the installed course, else ./Lessons.",
      valueName: "dir"), completion: .directory)
  var lessons: String?

  @ArgumentParser.Option(
    help: ArgumentHelp(
      "Where session files are kept. Default: $NELM_SESSIONS, else $XDG_DATA_HOME/nelm/sessions.",
      valueName: "dir"), completion: .directory)
  var sessions: String?

  /// The course folder in effect.
  var lessonsDirectory: String {
    let paths = Paths(environment: ProcessInfo.processInfo.environment)
    return lessons ?? CommandSupport.lastValue(of: "--lessons") ?? paths.defaultLessons()
  }

  /// The learner's name and their sessions folder. No learner named, or a name that cannot be
  /// one, is a usage error (64).
  func learnerAndStore(command: String) throws -> (LearnerName, SessionStore) {
    let paths = Paths(environment: ProcessInfo.processInfo.environment)
    // The learner as the shell finds them: option, environment, then the name it remembers.
    guard
      let name = learner ?? CommandSupport.lastValue(of: "--learner") ?? paths.learner()
        ?? paths.stateDirectory().flatMap({ LearnerMemory(directory: $0).recall()?.value })
    else {
      throw CommandSupport.usage("no learner given: pass --learner NAME or set NELM_LEARNER")
    }
    guard
      let directory = sessions ?? CommandSupport.lastValue(of: "--sessions")
        ?? paths.defaultSessions()
    else { throw CommandSupport.failure(command, Paths.noSessionsFolder) }
    let learnerName: LearnerName
    do {
      learnerName = try LearnerName(name)
    } catch {
      throw CommandSupport.usage(error.message)
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
    let course = try CommandSupport.loadCourse(lessonsDirectory, command: command)
    let (name, store) = try learnerAndStore(command: command)
    do {
      let record = try LearnerRecord.read(name, from: store)
      return Loaded(
        course: course, record: record, store: store, sessionFile: store.fileURL(for: name))
    } catch .noProgress(let learner, let directory) {
      throw CommandSupport.badInput(
        command, ExportError.noProgress(learner: learner, directory: directory).message)
    } catch {
      throw CommandSupport.failure(command, error.message)
    }
  }
}
