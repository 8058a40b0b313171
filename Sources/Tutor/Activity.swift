import Identifiers

/// One room of the tutor: an open lesson (`Study`), a case (`CaseRun`), a `Quiz`, a `Review`
/// or the `AlgorithmWalk`.
///
/// Shaped like the cards of SwiftPM's `swift package learn`: a value that shows its screens and
/// reads the lines meant for it, with no terminal in sight. The tutor keeps the commands and the
/// open activity, and hands each line to the activity first; a line the activity does not take
/// is run as a command, and the activity stays open.
protocol Activity {
  /// The prompt for the next line: it says what kind of line is expected.
  var prompt: String { get }

  /// Whether the activity has come to its end; the tutor then closes it.
  var isOver: Bool { get }

  /// A line typed while the activity is open (trimmed): its reply, or nil when the line is not
  /// the activity's (a command).
  mutating func accept(_ line: String, _ context: inout TutorContext) -> Reply?

  /// `menu`: what to say on leaving, namely where the place is kept and how to come back.
  /// The tutor closes the activity after it.
  func leave(_ context: TutorContext) -> String

  /// Ctrl-C: as `leave`, said as a cancel. The tutor closes the activity after it.
  func interrupt(_ context: TutorContext) -> String

  /// The item on screen, or the one whose feedback is showing: what `flag` marks.
  func item(_ context: TutorContext) -> ItemID?

  /// What Tab offers at the start of a line while the activity is open.
  func completion(_ context: TutorContext) -> ActivityCompletion
}

/// What Tab offers at the start of a line while an activity is open.
enum ActivityCompletion: Equatable {
  /// The commands (a lesson's own among them when `lessonCommands`), then `answers`: the
  /// letters of the question on screen.
  case commands(lessonCommands: Bool, answers: [String])
  /// These words only: the activity reads every other line itself (the walk reads facts).
  case only([String])
}

extension Activity {
  func interrupt(_ context: TutorContext) -> String { "Cancelled. " + leave(context) }

  func item(_ context: TutorContext) -> ItemID? { nil }

  func completion(_ context: TutorContext) -> ActivityCompletion {
    .commands(lessonCommands: false, answers: [])
  }
}
