import Foundation

/// Default places for the course and the learner's files, following the XDG conventions.
///
/// As the XDG Base Directory specification asks, a relative `XDG_*` value is ignored (it
/// would put a learner's files wherever nelm happens to be started), and so are a relative
/// `HOME` and `NELM_SESSIONS`, for the same reason; each is named in `warnings`. A `HOME` that
/// does not exist is never created: the folders under it are then not used.
struct Paths {
  let environment: [String: String]

  /// The places this process's environment gives. Read once: nelm never changes its own
  /// environment, and each read copies all of it into a new dictionary (0.1 ms, several
  /// times before the first prompt).
  static let current = Paths(environment: ProcessInfo.processInfo.environment)

  /// One sentence for each variable that was ignored, for the command to print.
  var warnings: [String] {
    ["HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "NELM_SESSIONS"].compactMap {
      name in
      guard let value = environment[name], !value.isEmpty, !value.hasPrefix("/") else {
        return nil
      }
      return "\(name)=\(value) is a relative path; it is ignored, as the XDG Base Directory "
        + "specification asks (use an absolute path)"
    }
  }

  /// The variable's value when set, not empty and, for a path that holds the learner's
  /// files, absolute.
  private func value(_ name: String) -> String? {
    guard let value = environment[name], !value.isEmpty else { return nil }
    if name != "NELM_LESSONS" && name != "NELM_LEARNER" && !value.hasPrefix("/") { return nil }
    return value
  }

  /// `$HOME` (else the account's home folder) when it exists; nil otherwise, so nothing is
  /// created under a home that is not there.
  var home: String? {
    // Not NSHomeDirectory(): it would hand back a relative $HOME.
    guard
      let home = value("HOME")
        ?? getpwuid(getuid()).flatMap({ $0.pointee.pw_dir })
        .map({ String(cString: $0) })
    else { return nil }
    var isDirectory: ObjCBool = false
    guard home.hasPrefix("/"),
      FileManager.default.fileExists(atPath: home, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return nil }
    return home
  }

  /// `$NELM_LEARNER`, when set and not empty.
  func learner() -> String? { value("NELM_LEARNER") }

  /// `$XDG_STATE_HOME/nelm` (default `~/.local/state/nelm`): history, last learner; nil
  /// without either.
  func stateDirectory() -> String? {
    (value("XDG_STATE_HOME") ?? home.map { $0 + "/.local/state" }).map { $0 + "/nelm" }
  }

  /// `$XDG_CACHE_HOME/nelm` (default `~/.cache/nelm`): the course cache; nil without either.
  func cacheDirectory() -> String? {
    (value("XDG_CACHE_HOME") ?? home.map { $0 + "/.cache" }).map { $0 + "/nelm" }
  }

  /// `$NELM_SESSIONS`, else `$XDG_DATA_HOME/nelm/sessions` (default `~/.local/share`); nil
  /// when none of them can be used.
  func defaultSessions() -> String? {
    if let given = value("NELM_SESSIONS") { return given }
    return (value("XDG_DATA_HOME") ?? home.map { $0 + "/.local/share" })
      .map { $0 + "/nelm/sessions" }
  }

  /// Why there is no default sessions folder, for the error.
  static let noSessionsFolder =
    "no sessions folder: HOME does not exist and neither NELM_SESSIONS nor XDG_DATA_HOME "
    + "is set to an absolute path; pass --sessions DIR"

  /// `$NELM_LESSONS`, else the course installed beside the binary
  /// (`PREFIX/share/nelm/Lessons`), else `./Lessons`.
  func defaultLessons() -> String {
    if let given = value("NELM_LESSONS") { return given }
    // The path as invoked first (a symlink in PREFIX/bin counts), then the real file.
    var executables: [URL] = []
    if CommandLine.arguments[0].contains("/") {
      executables.append(URL(fileURLWithPath: CommandLine.arguments[0]))
    }
    if let real = Bundle.main.executableURL { executables.append(real) }
    for executable in executables {
      let installed = executable.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("share/nelm/Lessons").path
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: installed, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        return installed
      }
    }
    return "Lessons"
  }
}
