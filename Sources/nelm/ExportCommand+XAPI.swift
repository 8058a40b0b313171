import ArgumentParser
import Exports
import Foundation
import Progress
import Shell

extension ExportCommand {
  /// `nelm export xapi FILE [--since OFFSET|DATE]`: a learner's answers and completions as
  /// xAPI statements, all of them or the new ones, for a script that posts them itself.
  struct XAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "xapi",
      abstract: "Write a learner's answers and completions as a JSON array of xAPI statements.",
      discussion: """
        --since OFFSET writes the answers logged from that byte of the answer log on (and the \
        completions since the answer before it); --since DATE (2026-12-01 or \
        2026-12-01T08:00:00Z) those at or after that time. The log offset to pass next time \
        is printed on standard error. `nelm sync` does all this for you (Docs/xapi.md).
        """)

    @Argument(help: "The file to write, or '-' for standard output.", completion: .file())
    var file: String

    @ArgumentParser.Option(
      help: ArgumentHelp(
        "Only what came after: a byte offset of the answer log, or a date (UTC).",
        valueName: "offset|date"))
    var since: String?

    @OptionGroup var options: LearnerOptions
    @OptionGroup var identity: IdentityOptions

    func validate() throws {
      if let since, Self.parse(since) == nil {
        throw ValidationError(
          "--since takes a byte offset (0 or more) or a date such as 2026-12-01 or "
            + "2026-12-01T08:00:00Z, not '\(since)'")
      }
    }

    func run() throws {
      let config: NelmConfig
      do {
        config = try NelmConfig.load(environment: ProcessInfo.processInfo.environment)
      } catch {
        throw CommandFailure.failure("export", error.message)
      }
      let loaded = try options.load(command: "export")
      let settings = XAPIExport.Settings(
        actor: identity.actor(for: loaded.record.learner, config: config, command: "export"),
        courseVersion: CourseVersion.of(directory: options.course.folder),
        platform: "nelm \(Nelm.configuration.version)")
      // Streamed: each statement is written as it is made, so memory stays the same however
      // long the log.
      var count = 0
      do {
        try ExportTarget.stream(to: file) { emit throws(ExportTarget.Failure) in
          do {
            count = try XAPIExport.write(
              loaded.record, course: loaded.course, settings: settings,
              since: since.flatMap(Self.parse)
            ) { piece in try emit(piece) }
          } catch let failure as ExportTarget.Failure {
            throw failure
          } catch let error as ProgressError {
            throw ExportTarget.Failure(message: error.message)
          } catch {
            throw ExportTarget.Failure(message: "\(error)")
          }
        }
      } catch {
        guard let message = error.message else { throw ExitCode(error.status) }
        throw CommandFailure.failure("export", message)
      }
      if file != "-" { Console.line("Wrote \(count) statements to \(file).") }
      CommandFailure.printError(
        "nelm export: the answer log ends at byte \(loaded.record.logEnd); "
          + "next time pass --since \(loaded.record.logEnd)")
    }

    /// A byte offset, or a date (`YYYY-MM-DD`, midnight UTC) or date and time (ISO 8601).
    static func parse(_ text: String) -> XAPIExport.Since? {
      if let offset = Int(text) { return offset >= 0 ? .offset(offset) : nil }
      // Foundation's parsers roll 30 February over to 1 or 2 March: refuse such a day first.
      guard isRealDay(text.prefix(10)) else { return nil }
      if let date = SessionCoding.date(from: text) { return .date(date) }
      if let date = try? Date(text, strategy: .iso8601) { return .date(date) }
      let day = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day()
      if let date = try? day.parse(text) { return .date(date) }
      return nil
    }

    /// Whether `text` is `YYYY-MM-DD` and that day exists.
    static func isRealDay(_ text: Substring) -> Bool {
      let parts = text.split(separator: "-").compactMap { Int($0) }
      guard text.count == 10, parts.count == 3 else { return false }
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = .gmt
      let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
      guard let date = calendar.date(from: components) else { return false }
      let back = calendar.dateComponents([.year, .month, .day], from: date)
      return back.year == parts[0] && back.month == parts[1] && back.day == parts[2]
    }
  }
}
