import Course
import Foundation
import Progress

/// The study shell's state machine: a line of input in, a reply out.
///
/// Knows nothing of terminals or files: the shell feeds it lines (from libedit, a pipe or a
/// test), renders its replies, and saves `session` whenever a reply says so. The tutor keeps
/// the commands (`Tutor.commands`) and the open activity: a lesson, a case, a quiz, a review
/// or the algorithm walk, each an `Activity` that takes the lines meant for it first.
public struct Tutor {
  /// The longest input line, in UTF-8 bytes, that `accept` reads.
  public static let longestLine = 1_024

  /// The course, the session, the clock and the recorder every activity works on.
  var context: TutorContext
  /// The lesson, case, quiz, review or walk that is open, if any.
  var activity: (any Activity)?
  /// The lesson whose reset waits for `yes`: the next line answers it.
  var pendingReset: String?
  /// The options of a quiz that waits for `yes` before it replaces the paused one.
  var pendingQuiz: [String]?
  /// The glossary, search and references index, built on first use and shared by copies of
  /// the tutor (Tab completion works on a copy).
  let indexCache = CourseIndexCache()
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
    context = TutorContext(provider: course, session: session, clock: clock)
    self.history = history
    self.learners = learners
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

  /// The course (the first use waits for a background load to finish).
  public var course: Course { context.course }

  /// The learner's progress as the tutor has changed it (the shell saves it).
  public var session: Session { context.session }

  /// Answers recorded in `session` but not yet handed to the answer log.
  public var unsavedAnswers: [Answer] { context.recorder.unsaved }

  /// Hands over the answers recorded since the last call, for the answer log.
  public mutating func takeUnsavedAnswers() -> [Answer] { context.takeUnsavedAnswers() }

  /// The columns screens are laid out for; the shell sets its terminal's width.
  public var width: Int {
    get { context.width }
    set { context.width = newValue }
  }

  /// The prompt for the next line: it tells the learner what kind of input is expected.
  public var prompt: String { activity?.prompt ?? "nelm> " }

  /// Handles one line of input: the open activity takes it first, then the commands.
  public mutating func accept(_ line: String) -> Reply {
    let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
    // No command, answer or fact is this long: refusing it first keeps "did you mean" (an
    // edit distance) cheap and error messages, which quote the input, short.
    if trimmed.utf8.count > Tutor.longestLine {
      return Tutor.refuseLongLine(trimmed.utf8.count)
    }
    if let lessonID = pendingReset {
      pendingReset = nil
      return confirmReset(trimmed, lessonID: lessonID)
    }
    if let arguments = pendingQuiz {
      pendingQuiz = nil
      return confirmNewQuiz(trimmed, arguments: arguments)
    }
    if var open = activity {
      let reply = open.accept(trimmed, &context)
      activity = open.isOver ? nil : open
      if let reply { return reply }
    }
    if trimmed.isEmpty { return Reply() }
    let words = trimmed.split(whereSeparator: \.isWhitespace).map(String.init)
    let name = words[0].lowercased()
    guard let command = Tutor.command(named: name) else {
      return .error(unknownCommandMessage(name))
    }
    return command.run(&self, Array(words.dropFirst()))
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
    guard let open = activity else { return Reply() }
    activity = nil
    return Reply([.text(open.interrupt(context), .dim)])
  }

  /// `menu`: leaves the open activity for the main prompt, saying how to come back.
  mutating func leaveActivity() -> Reply {
    guard let open = activity else {
      return .error("`menu` works inside a lesson; `study 1` opens the first one.")
    }
    activity = nil
    return Reply([.text(open.leave(context), .dim)])
  }

  /// Opens `opened` with the reply that showed it; an activity that ended at once (an empty
  /// lesson) is not kept.
  mutating func open(_ opened: (any Activity)?, _ reply: Reply) -> Reply {
    if let opened { activity = opened.isOver ? nil : opened }
    return reply
  }

  /// The goodbye shown when the learner leaves (quit or Ctrl-D).
  public func farewell() -> Reply {
    var reply = Reply(saveNeeded: true, quit: true)
    reply.acknowledgement = "See you soon, \(session.learner)."
    return reply
  }

  func unknownCommandMessage(_ word: String) -> String {
    let names = Tutor.commands.map(\.help.name)
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

  /// Words that could complete the last word of `text` (the line up to the cursor).
  public func completions(for text: String) -> [String] {
    let endsWithSpace = text.last == " "
    let words = text.split(separator: " ").map(String.init)
    let current = endsWithSpace ? "" : (words.last ?? "")
    let previous = endsWithSpace ? words : Array(words.dropLast())
    let completion =
      activity?.completion(context) ?? .commands(lessonCommands: false, answers: [])
    guard let name = previous.first?.lowercased() else {
      switch completion {
      case .only(let words):
        return candidates(words, startingWith: current)
      case .commands(let lessonCommands, let answers):
        // An answer that fits what is typed comes before any command (`G` is G1, G2, G3
        // at a grade step, not `glossary`).
        let answering = candidates(answers, startingWith: current)
        if !answering.isEmpty && !current.isEmpty { return answering }
        // At a question, skip and menu work whatever the activity.
        let asked = answers.isEmpty ? [] : ["skip", "menu"]
        let names = Tutor.commands.filter { lessonCommands || !$0.help.inLesson }.map(\.help.name)
        var seen = Set<String>()
        return candidates(answers + names + asked, startingWith: current)
          .filter { seen.insert($0).inserted }
      }
    }
    guard case .commands = completion, let command = Tutor.command(named: name) else { return [] }
    return command.complete(self, previous, current)
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
