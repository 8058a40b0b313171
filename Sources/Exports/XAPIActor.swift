import Clinical
import Foundation

/// Who a learner is in an xAPI statement: an account at an institution, a hashed email, or,
/// by default, an account on the reserved host `nelm.invalid` that no store can tell apart
/// from another machine's learner of the same name.
public enum XAPIActor: Sendable, Equatable {
  /// The default: `account {homePage: "https://nelm.invalid", name}`, local to this machine.
  case local(name: String)
  /// `account {homePage, name}`: the learner's name at an institution's sign-in service.
  case account(homePage: String, name: String)
  /// `mbox_sha1sum`: the SHA-1 of `mailto:` and the email address (lowercased), so the
  /// address itself never leaves the machine.
  case email(String)

  /// The identity chosen by precedence: an email, else an institution's home page, else the
  /// local account.
  public static func resolve(learner: String, homePage: String?, email: String?) -> XAPIActor {
    if let email, !email.isEmpty { return .email(email) }
    if let homePage, !homePage.isEmpty { return .account(homePage: homePage, name: learner) }
    return .local(name: learner)
  }

  /// True for the default identity, which only means something on this machine.
  public var isLocal: Bool {
    if case .local = self { return true }
    return false
  }

  /// The statement's `actor`.
  public var json: JSONValue {
    switch self {
    case .local(let name): Self.accountJSON(XAPIExport.homePage, name)
    case .account(let homePage, let name): Self.accountJSON(homePage, name)
    case .email:
      .object([.init("objectType", .string("Agent")), .init("mbox_sha1sum", .string(sha1sum))])
    }
  }

  /// The identity in one line, for messages and for naming statements: two learners with
  /// the same name at two institutions get different statement ids.
  public var description: String {
    switch self {
    case .local(let name): "account '\(name)' on \(XAPIExport.homePage)"
    case .account(let homePage, let name): "account '\(name)' on \(homePage)"
    case .email: "mbox_sha1sum \(sha1sum)"
    }
  }

  /// The hex SHA-1 of `mailto:<address>`, as xAPI defines `mbox_sha1sum`.
  var sha1sum: String {
    guard case .email(let address) = self else { return "" }
    let iri = "mailto:" + address.trimmingCharacters(in: .whitespaces).lowercased()
    return CourseVersion.hex(SHA1.digest(Array(iri.utf8)))
  }

  private static func accountJSON(_ homePage: String, _ name: String) -> JSONValue {
    .object([
      .init("objectType", .string("Agent")),
      .init(
        "account", .object([.init("homePage", .string(homePage)), .init("name", .string(name))])),
    ])
  }
}
