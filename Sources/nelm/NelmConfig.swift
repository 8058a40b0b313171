import Foundation

/// The optional config file, `$NELM_CONFIG` or `$XDG_CONFIG_HOME/nelm/config.json`
/// (default `~/.config/nelm/config.json`): the institution's identity for learners and the
/// learning record store `nelm sync` sends to (format in `Docs/xapi.md`).
///
/// A file that holds credentials must be readable by its owner only (mode 0600): nelm
/// refuses it otherwise, as ssh does a private key.
struct NelmConfig {
  /// The file read, or the one that would be.
  var path: String
  /// `actor.homePage`: the institution's sign-in page; learners become accounts there.
  var actorHomePage: String?
  /// `actor.emails`: a learner's email by learner name, sent as `mbox_sha1sum`.
  var actorEmails: [String: String] = [:]
  /// `lrs.url`: the store's xAPI endpoint.
  var lrsURL: String?
  /// `lrs.user` and `lrs.password`: basic authentication.
  var lrsUser: String?
  var lrsPassword: String?
  /// `lrs.token`: sent as `Authorization: Bearer TOKEN`.
  var lrsToken: String?

  /// Why a config file cannot be used.
  struct Problem: Error {
    var message: String
  }

  /// Where the config file is for `environment`.
  static func path(environment: [String: String]) -> String {
    if let given = environment["NELM_CONFIG"], !given.isEmpty { return given }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
    return base + "/nelm/config.json"
  }

  /// The config in effect: empty when there is no file.
  static func load(environment: [String: String]) throws(Problem) -> NelmConfig {
    let path = path(environment: environment)
    var config = NelmConfig(path: path)
    guard FileManager.default.fileExists(atPath: path) else { return config }
    guard let data = FileManager.default.contents(atPath: path),
      let top = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { throw Problem(message: "\(path) is not a JSON object (see Docs/xapi.md)") }
    try check(top, allowed: ["actor", "lrs"], in: path, at: "")
    if let actor = top["actor"] {
      guard let actor = actor as? [String: Any] else { throw wrong("actor", in: path) }
      try check(actor, allowed: ["homePage", "emails"], in: path, at: "actor.")
      config.actorHomePage = try text(actor["homePage"], "actor.homePage", in: path)
      if let emails = actor["emails"] {
        guard let emails = emails as? [String: String] else {
          throw wrong("actor.emails", in: path)
        }
        config.actorEmails = emails
      }
    }
    if let lrs = top["lrs"] {
      guard let lrs = lrs as? [String: Any] else { throw wrong("lrs", in: path) }
      try check(lrs, allowed: ["url", "user", "password", "token"], in: path, at: "lrs.")
      config.lrsURL = try text(lrs["url"], "lrs.url", in: path)
      config.lrsUser = try text(lrs["user"], "lrs.user", in: path)
      config.lrsPassword = try text(lrs["password"], "lrs.password", in: path)
      config.lrsToken = try text(lrs["token"], "lrs.token", in: path)
    }
    let secret = config.lrsPassword != nil || config.lrsToken != nil
    if secret,
      let mode = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]
        as? Int, mode & 0o077 != 0
    {
      throw Problem(
        message: "\(path) holds LRS credentials but others can read it (mode "
          + String(mode & 0o777, radix: 8) + "); run `chmod 600 \(path)`")
    }
    return config
  }

  private static func check(
    _ object: [String: Any], allowed: Set<String>, in path: String, at: String
  )
    throws(Problem)
  {
    if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
      throw Problem(message: "\(path): unknown key '\(at)\(unknown)' (see Docs/xapi.md)")
    }
  }

  private static func text(_ value: Any?, _ name: String, in path: String) throws(Problem)
    -> String?
  {
    guard let value else { return nil }
    guard let text = value as? String, !text.isEmpty else { throw wrong(name, in: path) }
    return text
  }

  private static func wrong(_ name: String, in path: String) -> Problem {
    Problem(message: "\(path): '\(name)' has the wrong type (see Docs/xapi.md)")
  }
}
