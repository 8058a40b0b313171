import Foundation

/// Default places for the course and the learner's files, following the XDG conventions.
struct Paths {
  let environment: [String: String]

  private func value(_ name: String) -> String? {
    guard let value = environment[name], !value.isEmpty else { return nil }
    return value
  }

  private var home: String { value("HOME") ?? NSHomeDirectory() }

  /// `$NELM_LEARNER`, when set and not empty.
  func learner() -> String? { value("NELM_LEARNER") }

  /// `$XDG_STATE_HOME/nelm` (default `~/.local/state/nelm`): history, last learner.
  func stateDirectory() -> String {
    (value("XDG_STATE_HOME") ?? home + "/.local/state") + "/nelm"
  }

  /// `$XDG_CACHE_HOME/nelm` (default `~/.cache/nelm`): the course cache.
  func cacheDirectory() -> String {
    (value("XDG_CACHE_HOME") ?? home + "/.cache") + "/nelm"
  }

  /// `$NELM_SESSIONS`, else `$XDG_DATA_HOME/nelm/sessions` (default `~/.local/share`).
  func defaultSessions() -> String {
    value("NELM_SESSIONS") ?? (value("XDG_DATA_HOME") ?? home + "/.local/share") + "/nelm/sessions"
  }

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
