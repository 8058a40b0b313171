import Identifiers

/// The few options of `case` and `quiz`: `--seed N`, `--topic T`, `--cases N`, `--timed`, and
/// the words between them.
struct CaseOptions: Equatable {
  var words: [String] = []
  var seed: UInt64?
  var topic: CaseTopic?
  var count: Int?
  var timed = false

  /// The options as typed, or the first thing wrong with them.
  static func parse(_ arguments: [String]) -> Result<CaseOptions, InputError> {
    var parsed = CaseOptions()
    var rest = arguments[...]
    while let word = rest.popFirst() {
      switch word {
      case "--seed":
        guard let seed = rest.popFirst().flatMap({ UInt64($0) }) else {
          return .failure(InputError("--seed needs a whole number, e.g. --seed 42."))
        }
        parsed.seed = seed
      case "--topic":
        guard let topic = rest.popFirst().flatMap(CaseTopic.init(rawValue:)) else {
          return .failure(
            InputError("--topic needs one of: \(CaseTopic.names.joined(separator: ", ")).")
          )
        }
        parsed.topic = topic
      case "--cases":
        guard let count = rest.popFirst().flatMap({ Int($0) }), (1...50).contains(count) else {
          return .failure(InputError("--cases needs a number from 1 to 50."))
        }
        parsed.count = count
      case "--timed":
        parsed.timed = true
      default:
        if word.hasPrefix("--") { return .failure(InputError("Unknown option \(word).")) }
        parsed.words.append(word)
      }
    }
    return .success(parsed)
  }

  /// What Tab offers after `previous` (the command first): a topic after `--topic`, else the
  /// options.
  static func completions(_ previous: [String], _ current: String) -> [String] {
    let words =
      previous.last == "--topic" ? CaseTopic.names : ["--seed", "--topic", "--cases", "--timed"]
    return candidates(words, startingWith: current)
  }
}
