import Course
import Foundation
import Progress

/// The study flow as a state machine: a line of input in, a reply out.
///
/// Knows nothing of terminals or files: the shell feeds it lines (from libedit, a pipe or a
/// test), renders its replies, and saves `session` whenever a reply says so.
public struct Tutor {
  /// The longest input line, in UTF-8 bytes, that `accept` reads.
  public static let longestLine = 1_024

  /// Where the learner is.
  enum Mode {
    case top
    case studying(Study)
    case walking(AlgorithmWalk)
    case casing(CaseRun)
    /// `reset` asked for confirmation; the next line answers it.
    case confirming(lessonID: String)
    case reviewing(ReviewRun)
  }

  /// The state of an open lesson that is not worth saving: timing and hints of the question
  /// on screen. The position itself lives in the session.
  struct Study: Equatable {
    var lessonIndex: Int
    var shownAt: Date
    var hintsUsed: Int
    /// Feedback is on screen; Enter shows the next step.
    var awaitingContinue: Bool
  }

  /// The course, which may still be loading in the background when the tutor starts.
  let provider: CourseProvider
  /// The course (the first use waits for a background load to finish).
  public var course: Course { provider.course }
  /// The learner's progress as the tutor has changed it (the shell saves it).
  public private(set) var session: Session
  var mode: Mode = .top
  let clock: @Sendable () -> Date
  /// The glossary, search and references index, built on first use and shared by copies of
  /// the tutor (Tab completion works on a copy).
  let indexCache = CourseIndexCache()
  /// Answers recorded in `session` but not yet handed to the answer log.
  public private(set) var unsavedAnswers: [Answer] = []

  /// The last N answers logged so far, oldest first (read backwards from the answer log on
  /// demand); throws when the log cannot be read.
  let history: (Int) throws -> [Answer]
  /// The learners who have a session file beside this one.
  let learners: () -> [String]

  /// A tutor over `course` for the learner whose progress is `session`. `history` and
  /// `learners` read the sessions directory when `progress`, `history` or `learners` need it.
  public init(
    course: CourseProvider, session: Session,
    clock: @escaping @Sendable () -> Date = { Date() },
    history: @escaping (Int) throws -> [Answer] = { _ in [] },
    learners: @escaping () -> [String] = { [] }
  ) {
    self.provider = course
    self.session = session
    self.clock = clock
    self.history = history
    self.learners = learners
  }

  /// The prompt for the next line: it tells the learner what kind of input is expected.
  public var prompt: String {
    if case .walking = mode { return "algorithm> " }
    if case .casing(let run) = mode { return run.awaitingContinue ? "case> " : "answer> " }
    if case .reviewing(let run) = mode { return run.awaitingContinue ? "review> " : "answer> " }
    guard case .studying(let study) = mode else { return "nelm> " }
    if !study.awaitingContinue, case .question = currentStep(study) { return "answer> " }
    return "nelm \(study.lessonIndex + 1)> "
  }

  /// Whether a lesson is open.
  public var isStudying: Bool {
    if case .studying = mode { return true }
    return false
  }

  /// Handles one line of input.
  public mutating func accept(_ line: String) -> Reply {
    let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
    // No command, answer or fact is this long: refusing it first keeps "did you mean" (an
    // edit distance) cheap and error messages, which quote the input, short.
    if trimmed.utf8.count > Tutor.longestLine {
      return Tutor.refuseLongLine(trimmed.utf8.count)
    }
    if case .confirming(let lessonID) = mode { return confirmReset(trimmed, lessonID: lessonID) }
    if case .studying(let study) = mode {
      if let reply = acceptInLesson(trimmed, study) { return reply }
    }
    if case .casing(let run) = mode {
      if let reply = acceptInCase(trimmed, run) { return reply }
    }
    if case .reviewing(let run) = mode {
      if let reply = acceptInReview(trimmed, run) { return reply }
    }
    if case .walking(var walk) = mode, !Tutor.isShellCommand(trimmed) {
      let (blocks, isError) = walk.accept(trimmed)
      mode = walk.current == nil ? .top : .walking(walk)
      return Reply(blocks, isError: isError)
    }
    if trimmed.isEmpty { return Reply() }
    let words = trimmed.split(whereSeparator: \.isWhitespace).map(String.init)
    let name = words[0].lowercased()
    let arguments = Array(words.dropFirst())
    guard let command = CommandHelp.named(name) else {
      return .error(unknownCommandMessage(name))
    }
    return run(command, arguments)
  }

  /// The reply to a line of `length` bytes (trimmed), longer than `longestLine`: a reader
  /// that drops such a line as it comes answers with this, as `accept` does.
  public static func refuseLongLine(_ length: Int) -> Reply {
    .error(
      "That line is too long (\(length) bytes); commands and answers are at most "
        + "\(Tutor.longestLine).")
  }

  /// Ctrl-C: cancels the question or lesson on screen and returns to the main prompt.
  /// Nothing answered is lost: answers and positions are saved as they happen.
  public mutating func interrupt() -> Reply {
    leaveActivity(cancelled: true)
  }

  /// Leaves whatever is open (a lesson, a case, a review, the algorithm walk) for the main
  /// prompt, saying how to come back: Ctrl-C and `menu` both end here.
  mutating func leaveActivity(cancelled: Bool) -> Reply {
    let message: String
    switch mode {
    case .studying(let study):
      let lesson = course.lessons[study.lessonIndex]
      message =
        "Your place in “\(lesson.title)” (\(placeName(in: lesson))) is kept; `study` resumes it."
    case .casing(let run):
      let resume = run.inQuiz ? "`quiz`" : "`case \(run.clinicalCase.id)`"
      message = "Your answers are kept; \(resume) resumes."
    case .reviewing:
      message = "What you answered is saved; `review` goes on."
    case .walking:
      message = "Left the algorithm walk."
    case .top, .confirming:
      return Reply()
    }
    mode = .top
    return Reply([.text((cancelled ? "Cancelled. " : "") + message, .dim)])
  }

  /// The goodbye shown when the learner leaves (quit or Ctrl-D).
  public func farewell() -> Reply {
    var reply = Reply(saveNeeded: true, quit: true)
    reply.acknowledgement = "See you soon, \(session.learner)."
    return reply
  }

  private mutating func run(_ command: CommandHelp, _ arguments: [String]) -> Reply {
    switch command.name {
    case "help": return help(arguments)
    case "lessons": return listLessons()
    case "study": return study(arguments)
    case "quit": return farewell()
    case "algorithm": return startWalk()
    case "case": return caseCommand(arguments)
    case "progress": return progress(arguments)
    case "history": return historyCommand(arguments)
    case "learners": return learnersCommand()
    case "reset": return resetCommand(arguments)
    case "review": return reviewCommand(arguments)
    case "glossary": return glossaryCommand()
    case "define": return defineCommand(arguments)
    case "search": return searchCommand(arguments)
    case "sources": return sourcesCommand()
    case "flag": return flagCommand()
    case "quiz": return quizCommand(arguments)
    case "menu" where mode.isActivity: return leaveActivity(cancelled: false)
    default: break
    }
    guard case .studying(let study) = mode else {
      return .error("`\(command.name)` works inside a lesson; `study 1` opens the first one.")
    }
    switch command.name {
    case "next": return next(study)
    case "back": return back(study)
    case "hint": return hint(study)
    case "skip": return skip(study)
    default: return .error(unknownCommandMessage(command.name))
    }
  }

  /// Lines that stay commands while the algorithm walk waits for a fact.
  static func isShellCommand(_ line: String) -> Bool {
    let word = line.split(separator: " ").first.map { $0.lowercased() } ?? ""
    return ["help", "?", "menu", "quit", "exit", "bye"].contains(word)
  }

  mutating func startWalk() -> Reply {
    var walk = AlgorithmWalk()
    let blocks = walk.start()
    mode = .walking(walk)
    return Reply(blocks)
  }

  func unknownCommandMessage(_ word: String) -> String {
    let names = CommandHelp.all.map(\.name)
    // Control characters in the word are shown (`stu\u{0}dy`): dropped, as the renderer
    // drops them, the word would read as the command it was not.
    let shown = Diagnostic.printable(word)
    if let close = names.min(by: { editDistance($0, word) < editDistance($1, word) }),
      editDistance(close, word) <= 2
    {
      return "Unknown command '\(shown)'. Did you mean `\(close)`? Type `help` for the list."
    }
    return "Unknown command '\(shown)'. Type `help` for the list."
  }

  /// A tutor over a course that is already loaded.
  public init(
    course: Course, session: Session, clock: @escaping @Sendable () -> Date = { Date() },
    history: @escaping (Int) throws -> [Answer] = { _ in [] },
    learners: @escaping () -> [String] = { [] }
  ) {
    self.init(
      course: CourseProvider(course), session: session, clock: clock, history: history,
      learners: learners)
  }

  /// Hands over the answers recorded since the last call, for the answer log.
  public mutating func takeUnsavedAnswers() -> [Answer] {
    defer { unsavedAnswers = [] }
    return unsavedAnswers
  }

  /// Records an answer: counted in the session now, written to the log by the shell.
  mutating func log(_ answer: Answer) {
    unsavedAnswers.append(answer)
    updateSession { $0.record(answer) }
  }

  /// Touches the session's clock; every change goes through here.
  mutating func updateSession(_ change: (inout Session) -> Void) {
    change(&session)
    session.updated = clock()
  }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
    previous = current
  }
  return previous[b.count]
}
