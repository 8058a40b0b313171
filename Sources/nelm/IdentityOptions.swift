import ArgumentParser
import Exports
import Foundation

/// `--actor-home-page` and `--actor-email`: who a learner is in xAPI statements, for
/// `nelm export xapi` and `nelm sync`. Without either (here or in the config file), a learner
/// is an account on `https://nelm.invalid`, which only this machine knows.
struct IdentityOptions: ParsableArguments {
  @ArgumentParser.Option(
    name: .customLong("actor-home-page"),
    help: ArgumentHelp(
      "Your institution's sign-in page: learners become accounts there, named as in nelm.",
      valueName: "url"))
  var homePage: String?

  @ArgumentParser.Option(
    name: .customLong("actor-email"),
    help: ArgumentHelp(
      "The learner's email, sent only as its SHA-1 (mbox_sha1sum).", valueName: "address"))
  var email: String?

  func validate() throws {
    if let homePage {
      guard let url = URL(string: homePage), ["http", "https"].contains(url.scheme ?? ""),
        url.host != nil
      else { throw ValidationError("--actor-home-page must be an http(s) URL, not '\(homePage)'") }
    }
    if let email, !email.contains("@") || email.contains(" ") {
      throw ValidationError("--actor-email must be an email address, not '\(email)'")
    }
  }

  /// The learner's identity: options first, then the config file; says on standard error
  /// when it falls back to the local one.
  func actor(for learner: String, config: NelmConfig, command: String) -> XAPIActor {
    let actor = XAPIActor.resolve(
      learner: learner, homePage: homePage ?? config.actorHomePage,
      email: email ?? config.actorEmails[learner])
    if actor.isLocal {
      CommandFailure.printError(
        "nelm \(command): the learner is \(actor.description), known to this machine only; "
          + "set --actor-home-page or --actor-email, or \(config.path) (see Docs/xapi.md)")
    }
    return actor
  }
}
