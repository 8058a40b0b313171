/// The command lines that only open the study shell (`nelm`, `nelm shell`, with any of
/// `--learner`, `--lessons` and `--sessions`), read without swift-argument-parser.
///
/// Building the parser's tree of commands costs about 3 ms of type-metadata and conformance
/// lookups before every first prompt (BENCHMARKS.md, Start-up), most of what a returning
/// learner waits for over the floor. This reader takes only the forms whose meaning is plain,
/// each option once with a value that is neither empty nor option-like, and gives up (nil) on
/// anything else, which the parser then reads as before: help, version, completion, a
/// repeated or empty option, `--`, any other command or word. A test holds it to the parser's
/// reading of every line it accepts.
struct ShellCommandLine: Equatable {
  var learner: String?
  var lessons: String?
  var sessions: String?

  /// The shell's options in `arguments` (without the program's name); nil when the line is
  /// anything but a plain shell command line.
  init?(_ arguments: some Sequence<String>) {
    var words = Array(arguments)[...]
    if words.first == "shell" { words = words.dropFirst() }
    while let word = words.popFirst() {
      guard word.hasPrefix("--") else { return nil }
      let name: Substring
      let value: String
      if let equals = word.firstIndex(of: "=") {
        name = word[..<equals]
        value = String(word[word.index(after: equals)...])
      } else {
        guard let next = words.popFirst() else { return nil }
        name = word[...]
        value = next
      }
      guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
      switch name {
      case "--learner" where learner == nil: learner = value
      case "--lessons" where lessons == nil: lessons = value
      case "--sessions" where sessions == nil: sessions = value
      default: return nil
      }
    }
  }

  /// The shell command these options make, as the parser would have made it.
  var command: ShellSubcommand {
    var course = CourseOptions()
    course.lessons = lessons
    var options = LearnerOptions()
    options.learner = learner
    options.sessions = sessions
    options.course = course
    var command = ShellSubcommand()
    command.options = options
    command.manualSections = false
    return command
  }
}
