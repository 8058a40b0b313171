import Tutor

/// The sections of the man page that swift-argument-parser's `generate-manual` plugin cannot
/// know, as mdoc, printed by `nelm --manual-sections` (a private flag: a hidden subcommand
/// would still be in the generated page). `make install` puts them in place of the plugin's
/// generic EXIT STATUS section.
///
/// The shell's commands come from `CommandHelp.all`, the table its `help` prints, and the exit
/// statuses from `ExitStatus`, the table `nelm --help` prints, so the three never disagree.
enum ManualSections {
  /// The sections, one mdoc line an element.
  static var mdoc: String {
    var lines = [".Sh SHELL COMMANDS"]
    lines.append(
      "Typed at the study shell's prompt, or read one a line from a pipe. "
        + "Tab completes commands, lesson and case ids, and answers.")
    lines += commandList(CommandHelp.all.filter { !$0.inLesson })
    lines += [".Pp", "Inside a lesson, a case or the algorithm walk:"]
    lines += commandList(CommandHelp.all.filter(\.inLesson))
    lines += [".Sh ENVIRONMENT", ".Bl -tag -width Ds"]
    for (name, meaning) in environment {
      lines += [".It Ev \(name)", text(meaning)]
    }
    lines += [".El", ".Sh FILES", ".Bl -tag -width Ds"]
    for (path, meaning) in files {
      lines += [".It Pa \(path)", text(meaning)]
    }
    lines += [
      ".El", ".Sh EXIT STATUS", "The same kind of outcome has the same status in every command:",
    ]
    lines.append(".Bl -tag -width Ds")
    for status in ExitStatus.allCases {
      lines += [".It \(status.rawValue)", text(status.summary + ". " + status.cases)]
    }
    lines.append(".El")
    return lines.joined(separator: "\n")
  }

  private static func commandList(_ commands: [CommandHelp]) -> [String] {
    var lines = [".Bl -tag -width Ds"]
    for command in commands {
      lines.append(".It Li \"\(command.usage.replacingOccurrences(of: "\"", with: "'"))\"")
      var summary = command.summary
      if !command.aliases.isEmpty {
        summary += " Also typed as: " + command.aliases.joined(separator: ", ")
      }
      lines.append(text(summary))
    }
    lines.append(".El")
    return lines
  }

  /// A line of running text: a backslash printed as one, and a line never read as a macro.
  private static func text(_ line: String) -> String {
    let escaped = line.replacingOccurrences(of: "\\", with: "\\e")
    return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
  }

  private static let environment: [(String, String)] = [
    ("NELM_LEARNER", "Whose progress to use, when --learner is not given."),
    ("NELM_LESSONS", "The course folder, when --lessons is not given."),
    ("NELM_SESSIONS", "Where session files are kept, when --sessions is not given."),
    ("XDG_DATA_HOME", "Session files go in its nelm/sessions (default ~/.local/share)."),
    ("XDG_STATE_HOME", "The shell's history and the last learner, in its nelm folder."),
    ("XDG_CACHE_HOME", "The checked course cache, in its nelm folder."),
    ("NO_COLOR", "When set and not empty, no colour; TERM=dumb and pipes get none either."),
    ("COLUMNS", "The width that one-shot outputs wrap to on a terminal."),
  ]

  private static let files: [(String, String)] = [
    ("$XDG_DATA_HOME/nelm/sessions/NAME.json", "A learner's session: positions and review state."),
    ("$XDG_DATA_HOME/nelm/sessions/NAME.answers.jsonl", "Every answer the learner gave."),
    ("$XDG_STATE_HOME/nelm/history", "The shell's command history."),
    ("PREFIX/share/nelm/Lessons", "The course that make install puts beside the binary."),
  ]
}
