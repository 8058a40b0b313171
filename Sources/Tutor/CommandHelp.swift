/// A shell command: its name, how it is typed, and what it does.
public struct CommandHelp: Sendable, Equatable {
  /// The command's name, as typed.
  public var name: String
  /// How the command is typed, with its arguments.
  public var usage: String
  /// What the command does, in one sentence.
  public var summary: String
  /// Other names that run the same command.
  public var aliases: [String]
  /// Whether the command only makes sense inside a lesson.
  public var inLesson: Bool

  /// Every command, in the order `help` lists them.
  public static let all: [CommandHelp] = [
    CommandHelp(
      name: "help", usage: "help [command]", summary: "List the commands, or explain one.",
      aliases: ["?"], inLesson: false),
    CommandHelp(
      name: "lessons", usage: "lessons", summary: "List the lessons with your progress in each.",
      aliases: [], inLesson: false),
    CommandHelp(
      name: "study", usage: "study ID|NUMBER",
      summary: "Open a lesson where you left it (by its id or its number in `lessons`).",
      aliases: [], inLesson: false),
    CommandHelp(
      name: "case", usage: "case [list | ID | random [--seed N] [--topic T]]",
      summary:
        "Work through a clinical case step by step: an authored one, or a new generated patient.",
      aliases: [], inLesson: false),
    CommandHelp(
      name: "quiz", usage: "quiz [--cases N] [--topic T] [--timed]",
      summary:
        "A block of cases (authored first, then generated) with a summary at the end; `quiz` alone resumes one left halfway.",
      aliases: [], inLesson: false),
    CommandHelp(
      name: "review", usage: "review [incorrect | flagged]",
      summary:
        "Answer the items due for review, oldest first (spaced repetition, FSRS); or those you got wrong last time, or flagged.",
      aliases: [], inLesson: false),
    CommandHelp(
      name: "flag", usage: "flag",
      summary: "Mark the question or case step on screen for `review flagged` (again to unmark).",
      aliases: [], inLesson: false),
    CommandHelp(
      name: "progress", usage: "progress [--json]",
      summary: "Your progress: lessons, accuracy by topic and step kind, streak, the last 30 days.",
      aliases: [], inLesson: false),
    CommandHelp(
      name: "history", usage: "history [N]", summary: "Your last N answers (10 by default).",
      aliases: [], inLesson: false),
    CommandHelp(
      name: "learners", usage: "learners", summary: "The learners whose progress is kept here.",
      aliases: [], inLesson: false),
    CommandHelp(
      name: "reset", usage: "reset ID|NUMBER",
      summary:
        "Forget your place and answers in one lesson (after you confirm); the log keeps them.",
      aliases: [], inLesson: false),
    CommandHelp(
      name: "glossary", usage: "glossary",
      summary: "Every abbreviation of the review and the course.",
      aliases: [], inLesson: false),
    CommandHelp(
      name: "define", usage: "define TERM", summary: "What a term means, with its source.",
      aliases: [], inLesson: false),
    CommandHelp(
      name: "search", usage: "search WORDS",
      summary: "Find the pages, questions and cases that hold every word.", aliases: [],
      inLesson: false),
    CommandHelp(
      name: "sources", usage: "sources",
      summary: "Every reference the course cites, with the items that cite it.", aliases: [],
      inLesson: false),
    CommandHelp(
      name: "algorithm", usage: "algorithm",
      summary:
        "Walk a patient through the review's decision algorithm (Figure 3, reconstructed), one fact at a time.",
      aliases: [], inLesson: false),
    CommandHelp(
      name: "next", usage: "next (or Enter)", summary: "Go to the next page or question.",
      aliases: ["n"], inLesson: true),
    CommandHelp(
      name: "back", usage: "back", summary: "Go back one page or question.",
      aliases: [], inLesson: true),
    CommandHelp(
      name: "hint", usage: "hint", summary: "Show a hint for the current question.",
      aliases: [], inLesson: true),
    CommandHelp(
      name: "skip", usage: "skip",
      summary: "Leave the current question unanswered (it counts as not yet right) and go on.",
      aliases: [], inLesson: true),
    CommandHelp(
      name: "menu", usage: "menu",
      summary:
        "Leave the lesson (your place is kept) or the algorithm walk, back to the main prompt. Ctrl-C does the same.",
      aliases: [], inLesson: true),
    CommandHelp(
      name: "quit", usage: "quit", summary: "Save and leave nelm. Ctrl-D does the same.",
      aliases: ["exit", "bye"], inLesson: false),
  ]

  /// The command called `word`, by name or alias.
  public static func named(_ word: String) -> CommandHelp? {
    all.first { $0.name == word || $0.aliases.contains(word) }
  }
}
