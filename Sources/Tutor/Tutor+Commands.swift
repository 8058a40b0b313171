import Course
import Progress
import Identifiers

extension Tutor {
  /// Every command of the shell, in the order `help` lists them: one table that runs them,
  /// completes their arguments, and documents them for `help` and the man page.
  static let commands: [ShellCommand] = [
    ShellCommand(
      "help", usage: "help [command]", "List the commands, or explain one.", aliases: ["?"],
      complete: { _, previous, current in
        previous.count == 1 ? candidates(commands.map(\.help.name), startingWith: current) : []
      },
      run: { tutor, arguments in tutor.help(arguments) }),
    ShellCommand(
      "lessons", "List the lessons with your progress in each.",
      run: { tutor, _ in tutor.listLessons() }),
    ShellCommand(
      "study", usage: "study ID|NUMBER [PAGE]",
      "Open a lesson where you left it (by its id or its number in `lessons`), or at a page.",
      complete: { tutor, previous, current in
        previous.count == 1 ? tutor.lessonCandidates(current) : []
      },
      run: { tutor, arguments in tutor.study(arguments) }),
    ShellCommand(
      "case", usage: "case [list | ID | random [--seed N] [--topic T]]",
      "Work through a clinical case step by step: an authored one, or a new generated patient.",
      complete: { tutor, previous, current in
        guard previous.count == 1 else { return CaseOptions.completions(previous, current) }
        let words = ["list", "random"] + tutor.course.cases.map(\.id.rawValue)
        return candidates(words, startingWith: current)
      },
      run: { tutor, arguments in tutor.caseCommand(arguments) }),
    ShellCommand(
      "quiz", usage: "quiz [--cases N] [--topic T] [--timed]",
      "A block of cases (authored first, then generated) with a summary at the end; `quiz` "
        + "alone resumes one left halfway.",
      complete: { _, previous, current in CaseOptions.completions(previous, current) },
      run: { tutor, arguments in tutor.quizCommand(arguments) }),
    ShellCommand(
      "review", usage: "review [incorrect | flagged]",
      "Answer the items due for review, oldest first (spaced repetition, FSRS); or those you "
        + "got wrong last time, or flagged.",
      complete: { _, previous, current in
        previous.count == 1 ? candidates(["incorrect", "flagged"], startingWith: current) : []
      },
      run: { tutor, arguments in tutor.reviewCommand(arguments) }),
    ShellCommand(
      "flag", "Mark the question or case step on screen for `review flagged` (again to unmark).",
      run: { tutor, _ in tutor.flagCommand() }),
    ShellCommand(
      "progress", usage: "progress [--json]",
      "Your progress: lessons, accuracy by topic and step kind, streak, the last 30 days.",
      run: { tutor, arguments in tutor.progress(arguments) }),
    ShellCommand(
      "history", usage: "history [N]", "Your last N answers (10 by default).",
      run: { tutor, arguments in tutor.historyCommand(arguments) }),
    ShellCommand(
      "learners", "The learners whose progress is kept here.",
      run: { tutor, _ in tutor.learnersCommand() }),
    ShellCommand(
      "reset", usage: "reset ID|NUMBER",
      "Forget your place and answers in one lesson (after you confirm); the log keeps them.",
      complete: { tutor, previous, current in
        previous.count == 1 ? tutor.lessonCandidates(current) : []
      },
      run: { tutor, arguments in tutor.resetCommand(arguments) }),
    ShellCommand(
      "glossary", "Every abbreviation of the review and the course.",
      run: { tutor, _ in tutor.glossaryCommand() }),
    ShellCommand(
      "define", usage: "define TERM", "What a term means, with its source.",
      complete: { tutor, previous, current in
        previous.count == 1 ? tutor.courseIndex().completions(prefix: current) : []
      },
      run: { tutor, arguments in tutor.defineCommand(arguments) }),
    ShellCommand(
      "search", usage: "search WORDS",
      "Find the pages, questions and cases that hold every word.",
      run: { tutor, arguments in tutor.searchCommand(arguments) }),
    ShellCommand(
      "sources", "Every reference the course cites, with the items that cite it.",
      run: { tutor, _ in tutor.sourcesCommand() }),
    ShellCommand(
      "algorithm",
      "Walk a patient through the review's decision algorithm (Figure 3, reconstructed), one "
        + "fact at a time.",
      run: { tutor, _ in
        var walk = AlgorithmWalk()
        let blocks = walk.start(figure: Pictures.tree(tutor.context.figureStyle))
        return tutor.open(walk, Reply(blocks))
      }),
    ShellCommand(
      "draw",
      "Draw Figure 3 (reconstructed) with the path the facts of the last case step took.",
      run: { tutor, _ in tutor.drawCommand() }),
    // A lesson takes these itself (`Study.accept`); they reach the table only elsewhere.
    ShellCommand(
      "next", usage: "next (or Enter)", "Go to the next page or question.", aliases: ["n"],
      inLesson: true, run: { _, _ in lessonOnly("next") }),
    ShellCommand(
      "back", "Go back one page or question.", inLesson: true,
      run: { _, _ in lessonOnly("back") }),
    ShellCommand(
      "hint", "Show a hint for the current question.", inLesson: true,
      run: { _, _ in lessonOnly("hint") }),
    ShellCommand(
      "skip", "Pass the current question: its answer is shown and it counts as not yet known.",
      inLesson: true, run: { _, _ in lessonOnly("skip") }),
    ShellCommand(
      "reveal",
      "Show the answer to the question or case step on screen, explained (it counts "
        + "as not yet known).", inLesson: true, run: { _, _ in lessonOnly("reveal") }),
    ShellCommand(
      "repeat", "Show the page, question or case step on screen again.", inLesson: true,
      run: { _, _ in lessonOnly("repeat") }),
    ShellCommand(
      "story", "In a case: every stage of the story so far.", inLesson: true,
      run: { _, _ in .error("`story` works inside a case; `case` opens one.") }),
    ShellCommand(
      "menu",
      "Leave the lesson (your place is kept) or the algorithm walk, back to the main prompt. "
        + "Ctrl-C does the same.", inLesson: true,
      run: { tutor, _ in tutor.leaveActivity() }),
    ShellCommand(
      "quit", "Save and leave nelm. Ctrl-D does the same.", aliases: ["exit", "bye"],
      run: { tutor, _ in tutor.farewell() }),
  ]

  /// The lesson ids and numbers that start with `current`, for Tab after `study` and `reset`.
  func lessonCandidates(_ current: String) -> [String] {
    let lessons = course.lessons
    return candidates(
      lessons.map(\.id) + lessons.indices.map { String($0 + 1) }, startingWith: current)
  }

  /// A lesson's command typed where no lesson takes it.
  private static func lessonOnly(_ name: String) -> Reply {
    .error("`\(name)` works inside a lesson, case or review; `study 1` opens the first lesson.")
  }

  /// `study [ID|NUMBER [PAGE]]`: opens a lesson where the learner left it, or at a page.
  mutating func study(_ arguments: [String]) -> Reply {
    guard arguments.count <= 2 else { return .error("Usage: study ID|NUMBER [PAGE]") }
    let lesson: Lesson
    if let reference = arguments.first {
      guard let found = course.lesson(matching: reference) else {
        return .error(
          "No lesson '\(reference)'. `lessons` lists them (1–\(course.lessons.count)).")
      }
      lesson = found
    } else if let entry = session.lastUnfinishedLesson(of: { context.provider.summary }),
      let resumable = course.lessons.first(where: { $0.id == entry.id })
    {
      lesson = resumable
    } else {
      return .error("Usage: study ID|NUMBER (for example `study 1`). `lessons` lists them.")
    }
    guard let index = course.lessons.firstIndex(where: { $0.id == lesson.id }) else {
      return .error("No lesson '\(lesson.id)'.")
    }
    var page: Int?
    if arguments.count == 2 {
      guard let number = Int(arguments[1]), (1...lesson.pages.count).contains(number) else {
        return .error(
          "“\(lesson.title)” has pages 1–\(lesson.pages.count); `study \(index + 1) 1` opens "
            + "the first.")
      }
      page = number
    }
    let (study, reply) = Study.open(lesson, number: index + 1, page: page, &context)
    return open(study, reply)
  }

  /// `case [list | ID | random [--seed N] [--topic T]]`.
  mutating func caseCommand(_ arguments: [String]) -> Reply {
    let options: CaseOptions
    switch CaseOptions.parse(arguments) {
    case .failure(let error): return .error(error.message)
    case .success(let value): options = value
    }
    let id: CaseID
    switch options.words.first {
    case nil:
      guard let unfinished = session.lastUnfinishedCase() else { return listCases() }
      id = unfinished
    case "list":
      return listCases()
    case "random":
      let seed = options.seed ?? UInt64(context.now().timeIntervalSince1970 * 1000) % 1_000_000
      id = .generated(seed: seed, topic: options.topic)
    case let word?:
      id = CaseID(word)
    }
    let (run, reply) = CaseRun.open(id, .alone, &context)
    return open(run, reply)
  }

  func listCases() -> Reply {
    guard !course.cases.isEmpty else {
      return Reply([.text("No authored cases yet; `case random` makes one.", .dim)])
    }
    var blocks: [Block] = []
    for item in course.cases {
      let progress = session.progress(of: item.id)
      let status =
        progress?.completed == true
        ? "done" : progress.map { "step \($0.position + 1)/\(item.steps.count)" } ?? "new"
      blocks.append(
        .paragraph(
          [
            Span(item.id.rawValue, .accent), Span(" — \(item.title) "),
            Span("(\(status); \(item.tags.joined(separator: ", ")))", .dim),
          ], hang: 2))
    }
    blocks.append(.text("`case ID` opens one; `case random` makes a new patient.", .dim))
    return Reply(blocks).paged()
  }

  /// `quiz [--cases N] [--topic T] [--timed]`: a block of cases, authored first, then
  /// generated. With no options, an unfinished quiz resumes.
  mutating func quizCommand(_ arguments: [String]) -> Reply {
    let options: CaseOptions
    switch CaseOptions.parse(arguments) {
    case .failure(let error): return .error(error.message)
    case .success(let value): options = value
    }
    guard options.words.isEmpty else {
      return .error(
        "Usage: quiz [--cases N] [--topic \(CaseTopic.names.joined(separator: "|"))] [--timed]")
    }
    if !arguments.isEmpty, let paused = session.quiz, Quiz.nextCase(paused, session) != nil {
      pendingQuiz = arguments
      let done = paused.cases.filter { session.progress(of: $0)?.completed == true }.count
      return Reply([
        .text(
          "You have a quiz paused (\(done) of \(paused.cases.count) cases done). Start a new one "
            + "and drop it? Type `yes` to start anew; anything else keeps it (`quiz` resumes it).",
          .accent)
      ])
    }
    return startQuiz(options, resume: arguments.isEmpty)
  }

  /// Starts the quiz `options` asks for, or resumes the paused one when `resume`.
  mutating func startQuiz(_ options: CaseOptions, resume: Bool) -> Reply {
    let (quiz, reply) = Quiz.start(
      count: options.count, topic: options.topic, timed: options.timed, resume: resume, &context)
    return open(quiz, reply)
  }

  /// The answer to "drop the paused quiz?": `yes` starts the quiz asked for.
  mutating func confirmNewQuiz(_ answer: String, arguments: [String]) -> Reply {
    guard ["y", "yes"].contains(answer.lowercased()),
      case .success(let options) = CaseOptions.parse(arguments)
    else {
      return Reply([.text("Your paused quiz is kept; `quiz` resumes it.", .dim)])
    }
    return startQuiz(options, resume: false)
  }

  /// `review [incorrect | flagged]`: the due items, oldest first; or the pools named.
  mutating func reviewCommand(_ arguments: [String]) -> Reply {
    let pool: Review.Pool
    switch arguments {
    case []: pool = .due
    case ["incorrect"]: pool = .incorrect
    case ["flagged"]: pool = .flagged
    default: return .error("Usage: review [incorrect | flagged]")
    }
    let (review, reply) = Review.start(pool, &context)
    return open(review, reply)
  }

  /// `flag`: marks the current item for `review flagged`; a second `flag` unmarks it.
  mutating func flagCommand() -> Reply {
    guard let item = activity?.item(context) else {
      return .error("`flag` marks the question or case step on screen; there is none now.")
    }
    guard item.isReviewable else {
      return .error(
        "A generated case is not kept for review, so its steps cannot be flagged; "
          + "authored cases and lesson questions can.")
    }
    let flagged = !(session.record(of: item)?.flagged ?? false)
    context.updateSession { session in
      var record = session.items[item.rawValue] ?? ItemRecord()
      record.flagged = flagged ? true : nil
      session.items[item.rawValue] = record
    }
    let text = flagged ? "Flagged: `review flagged` brings it back." : "Flag removed."
    return Reply([.text(text, .dim)], saveNeeded: true)
  }
}
