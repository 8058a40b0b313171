import Course
import Foundation
import Progress
import Tutor

/// The course the shell teaches and where it keeps the learner's files.
public struct ShellOptions: Sendable {
  /// The learner named on the command line or in `NELM_LEARNER`; nil to use the remembered
  /// one or ask.
  public var learner: String?
  /// The course, loaded (or being decoded) by the caller, which reports a course that does
  /// not load as every other command does.
  public var course: CourseProvider
  /// Where session files are kept.
  public var sessionsDirectory: String
  /// `$XDG_STATE_HOME/nelm`: history and the remembered learner name; nil to keep neither
  /// (no usable state folder).
  public var stateDirectory: String?
  /// The named learner's session file, being read ahead of the lock while the course is
  /// checked; used when that learner's session is opened.
  public var prefetched: SessionPrefetch?

  /// Creates a value from its parts.
  public init(
    learner: String?, course: CourseProvider, sessionsDirectory: String, stateDirectory: String?,
    prefetched: SessionPrefetch? = nil
  ) {
    self.learner = learner
    self.course = course
    self.sessionsDirectory = sessionsDirectory
    self.stateDirectory = stateDirectory
    self.prefetched = prefetched
  }
}

/// Starts the interactive shell: finds the learner, opens their session, and runs the command
/// loop on the course it is given.
public enum ShellLauncher {
  /// Runs the shell to the end and returns the process's exit status.
  public static func run(_ options: ShellOptions) -> Int32 {
    Terminal.useUTF8Locale()
    InterruptFlag.install()
    SignalExit.install()
    // Read once for the terminal and the pictures (each read copies the whole environment).
    let environment = ProcessInfo.processInfo.environment
    let terminal = Terminal(environment: environment)
    var source: LineSource = PipeLineSource()
    if terminal.isInteractive, let editor = LineEditor(historyFile: historyFile(options)) {
      editor.remembers = Tutor.isCommand
      source = editor
    }
    let memory = options.stateDirectory.map { LearnerMemory(directory: $0) }
    guard let learner = chooseLearner(options, memory: memory, source: source, terminal: terminal)
    else { return 1 }
    let store = SessionStore(directory: URL(fileURLWithPath: options.sessionsDirectory))
    let isNew = !FileManager.default.fileExists(atPath: store.fileURL(for: learner).path)
    guard
      let session = openSession(
        learner, store: store, source: source, terminal: terminal,
        prefetched: options.prefetched)
    else { return 1 }
    defer { session.close() }
    for warning in session.warnings.prefix(3) { warn(warning) }
    if session.warnings.count > 3 {
      warn("… and \(session.warnings.count - 3) more counts held the same way")
    }

    let renderer = TextRenderer(width: terminal.width(), color: terminal.color)
    var tutor = Tutor(
      course: options.course, session: session.session,
      history: { limit throws -> [Answer] in try session.recentAnswers(limit: limit) },
      learners: { store.learners().map(\.value) })
    tutor.setPictures(
      color: terminal.color, environment: environment,
      isTerminal: isatty(STDOUT_FILENO) == 1)
    if terminal.isInteractive {
      writeOut(renderer.render(tutor.welcome(isNewLearner: isNew)))
    }
    let loop = ShellLoop(
      tutor: tutor, session: session, source: source, renderer: renderer,
      interactive: terminal.isInteractive, width: { terminal.width() })
    if let editor = source as? LineEditor {
      editor.completer = { [unowned loop] text in loop.tutor.completions(for: text) }
    }
    return loop.run()
  }

  /// The history file in the state folder (created 0700 for it), or nil when there is no
  /// state folder or something other than a regular file stands where the history goes.
  private static func historyFile(_ options: ShellOptions) -> HistoryFile? {
    guard let folder = options.stateDirectory else { return nil }
    if let problem = StateFile.makeFolder(folder) {
      warn("no history is kept: cannot create \(folder): \(problem)")
      return nil
    }
    return HistoryFile(path: folder + "/history")
  }
}
