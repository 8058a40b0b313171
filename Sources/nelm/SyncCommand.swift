import ArgumentParser
import Exports
import Foundation
import Shell

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `nelm sync --lrs URL`: sends a learner's new answers and completions to a learning record
/// store, resuming where the last sync stopped (see `Docs/xapi.md`).
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Send a learner's new xAPI statements to a learning record store (LRS).",
    discussion: """
      Credentials come from NELM_LRS_USER and NELM_LRS_PASSWORD (basic), or NELM_LRS_TOKEN \
      (bearer), or the config file's "lrs" (mode 0600), never from the command line. Each \
      batch the LRS acknowledges is recorded in <sessions>/<learner>.sync, so an interrupted \
      sync resumes without sending anything twice. Safe while the learner studies: it takes \
      no lock of theirs. Run it from cron as often as you like.
      """)

  @ArgumentParser.Option(
    help: ArgumentHelp(
      "The LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI/ (default: the config file's lrs.url).",
      valueName: "url"))
  var lrs: String?

  @ArgumentParser.Option(help: "Statements a request (1-1000).")
  var batchSize = 100

  @ArgumentParser.Option(help: "Tries a request gets when the LRS is busy or down (1-20).")
  var attempts = 5

  @OptionGroup var options: LearnerOptions
  @OptionGroup var identity: IdentityOptions

  func validate() throws {
    guard (1...1000).contains(batchSize) else { throw ValidationError("--batch-size is 1-1000") }
    guard (1...20).contains(attempts) else { throw ValidationError("--attempts is 1-20") }
  }

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let config: NelmConfig
    do {
      config = try NelmConfig.load(environment: environment)
    } catch {
      throw CommandFailure.failure("sync", error.message)
    }
    guard let given = lrs ?? config.lrsURL else {
      throw CommandFailure.failure(
        "sync", "no LRS given: pass --lrs URL or set lrs.url in \(config.path)")
    }
    guard let endpoint = URL(string: given), ["http", "https"].contains(endpoint.scheme ?? ""),
      endpoint.host != nil
    else { throw CommandFailure.failure("sync", "--lrs must be an http(s) URL, not '\(given)'") }
    guard let helper = HelperTransport.locateHelper() else {
      throw CommandFailure.failure(
        "sync", "the nelm-http helper is not installed beside nelm; reinstall nelm")
    }
    let loaded = try options.load(command: "sync")
    let (course, record) = (loaded.course, loaded.record)
    let actor = identity.actor(for: record.learner, config: config, command: "sync")
    let settings = XAPIExport.Settings(
      actor: actor, courseVersion: CourseVersion.of(directory: options.course.folder),
      platform: "nelm \(Nelm.configuration.version)")
    let stateFile = XAPISyncState.url(forSessionFile: loaded.sessionFile)
    var sync = XAPISync(
      transport: HelperTransport(
        statements: Self.statementsURL(endpoint), authorization: authorization(config),
        helper: helper),
      endpoint: endpoint.absoluteString, stateFile: stateFile)
    sync.options.batchSize = batchSize
    sync.options.attempts = attempts
    let onTerminal = isatty(STDERR_FILENO) == 1
    if onTerminal {
      sync.progress = { report in
        let line = "\rSent \(report.sent)/\(report.total) statements to \(endpoint.host ?? "")"
        Console.err(line)
      }
    }
    do {
      let lock = try XAPISyncLock(stateFile: stateFile, learner: record.learner)
      defer { lock.release() }
      let report = try sync.run(
        record, course: course, builder: XAPIStatementBuilder(course: course, settings: settings))
      if onTerminal {
        Console.err(" — done; the LRS has the log up to byte \(report.offset).\n")
      }
    } catch {
      if onTerminal { Console.err("\n") }
      throw CommandFailure.failure("sync", error.message)
    }
  }

  /// `<endpoint>/statements`, unless the endpoint already names the resource.
  static func statementsURL(_ endpoint: URL) -> URL {
    if endpoint.path.hasSuffix("/statements") || endpoint.path.hasSuffix("/statements/") {
      return endpoint
    }
    return endpoint.appendingPathComponent("statements")
  }

  /// Basic from NELM_LRS_USER and NELM_LRS_PASSWORD, bearer from NELM_LRS_TOKEN, else the
  /// config file's, else none.
  private func authorization(_ config: NelmConfig) -> String? {
    let environment = ProcessInfo.processInfo.environment
    func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
    func basic(_ user: String, _ password: String) -> String {
      "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }
    if let user = value("NELM_LRS_USER"), let password = value("NELM_LRS_PASSWORD") {
      return basic(user, password)
    }
    if let token = value("NELM_LRS_TOKEN") { return "Bearer " + token }
    if let user = config.lrsUser, let password = config.lrsPassword {
      return basic(user, password)
    }
    return config.lrsToken.map { "Bearer " + $0 }
  }
}
