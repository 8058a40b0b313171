/// A command of the study shell, as `help`, Tab and the man page describe it.
public struct CommandHelp: Sendable, Equatable {
  /// The command's name, as typed.
  public var name: String
  /// How the command is typed, with its arguments.
  public var usage: String
  /// What the command does, in one sentence.
  public var summary: String
  /// Other names that run the same command.
  public var aliases: [String]
  /// Whether the command belongs to an open lesson (`next`, `back`, `hint`, `skip`, `menu`).
  public var inLesson: Bool

  /// Every command, in the order `help` lists them: the rows of `Tutor.commands`.
  public static var all: [CommandHelp] { Tutor.commands.map(\.help) }

  /// The command called `word`, by name or alias.
  public static func named(_ word: String) -> CommandHelp? {
    Tutor.command(named: word)?.help
  }
}

/// One row of the shell's command table: what `help` says of a command, the code that runs
/// it, and what Tab offers for its arguments.
struct ShellCommand: Sendable {
  /// The command as `help`, Tab and the man page describe it.
  let help: CommandHelp
  /// Runs the command with the words typed after its name.
  let run: @Sendable (inout Tutor, [String]) -> Reply
  /// What Tab offers for the word being typed (`current`), given the words before it (the
  /// command's name first); filtered to those that start with it.
  let complete: @Sendable (Tutor, _ previous: [String], _ current: String) -> [String]

  init(
    _ name: String, usage: String? = nil, _ summary: String, aliases: [String] = [],
    inLesson: Bool = false,
    complete: @escaping @Sendable (Tutor, _ previous: [String], _ current: String) -> [String] = {
      _, _, _ in []
    },
    run: @escaping @Sendable (inout Tutor, [String]) -> Reply
  ) {
    help = CommandHelp(
      name: name, usage: usage ?? name, summary: summary, aliases: aliases, inLesson: inLesson)
    self.run = run
    self.complete = complete
  }
}

extension Tutor {
  /// The command called `word`, by name or alias.
  static func command(named word: String) -> ShellCommand? {
    commands.first { $0.help.name == word || $0.help.aliases.contains(word) }
  }

  /// Whether `line` starts with a command (what the shell's history keeps), not an answer,
  /// a fact or a name.
  public static func isCommand(_ line: String) -> Bool { commandName(in: line) != nil }

  /// The name of the command a line starts with (its first word, in any case, or an alias of
  /// it); nil when the line starts with no command.
  static func commandName(in line: String) -> String? {
    guard let word = line.split(whereSeparator: \.isWhitespace).first else { return nil }
    return command(named: word.lowercased())?.help.name
  }
}

/// The candidates among `words` that start with `prefix`, ignoring case.
func candidates(_ words: [String], startingWith prefix: String) -> [String] {
  let prefix = prefix.lowercased()
  return words.filter { $0.lowercased().hasPrefix(prefix) }
}
