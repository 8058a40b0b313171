import ArgumentParser
import Course
import Exports
import Foundation
import Progress
import Shell
import Tutor

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `nelm progress [--json]`: the shell's `progress` dashboard without the shell, for scripts.
///
/// Reads the session file and the answer log as `LearnerRecord.read` does, without the
/// session's lock, so it works while the learner's shell is open and shows what that shell
/// has saved.
struct ProgressCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "progress",
    abstract: "Show a learner's progress: lessons, accuracy by topic, streak, the last 30 days.",
    discussion: """
      The same dashboard as `progress` in the shell. --json prints the object of \
      Docs/progress.schema.json. Works while the learner's shell is open (no lock is taken).
      """)

  @Flag(help: "Print one JSON object (Docs/progress.schema.json).")
  var json = false

  @OptionGroup var options: LearnerOptions

  func run() throws {
    let loaded = try options.load(command: "progress")
    let (record, store) = (loaded.record, loaded.store)
    let now = Date()
    var tutor = Tutor(
      course: CourseProvider(loaded.course), session: record.currentSession(now: now),
      clock: { now },
      history: { limit in
        try AnswerLog.lastEntries(AnswerLog.url(forSessionFile: loaded.sessionFile), limit: limit)
          .map(\.answer)
      }, learners: { store.learners().map(\.value) })
    let reply = tutor.accept(json ? "progress --json" : "progress")
    let environment = ProcessInfo.processInfo.environment
    let color =
      isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty
      && environment["TERM"] != "dumb"
    let width = environment["COLUMNS"].flatMap(Int.init).map { min(max($0, 40), 100) } ?? 80
    let text = TextRenderer(width: width, color: color && !json).render(reply.blocks)
    Console.out(text)
    if reply.isError { throw CommandFailure(.failure, lines: []) }
  }
}
