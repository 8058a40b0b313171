import Clinical

/// One fact the algorithm walk asks for: its key path in the case facts, how it is typed,
/// and the value Enter accepts.
struct FactQuestion: Sendable {
  /// How an answer is read.
  enum Kind: Sendable {
    case choice([String])
    case yesNo
    /// A number; `unknown` is allowed when `optional`.
    case number(minimum: Double, maximum: Double?, integer: Bool, optional: Bool)
    /// Any of the choices, separated by spaces or commas, or `none`.
    case list([String])
  }

  var path: String
  var prompt: String
  var kind: Kind
  /// The default, given the answers so far.
  var defaultValue: @Sendable ([String: String]) -> String
  /// Whether to ask at all, given the answers so far.
  var isNeeded: @Sendable ([String: String]) -> Bool = { _ in true }

  /// The words Tab can complete at this question.
  var completions: [String] {
    switch kind {
    case .choice(let values): return values
    case .yesNo: return ["yes", "no"]
    case .number(_, _, _, let optional): return optional ? ["unknown"] : []
    case .list(let values): return values + ["none"]
    }
  }

  /// The answer normalised, or a message saying what is allowed.
  func read(_ text: String) -> Result<String, InputError> {
    let value = text.trimmingCharacters(in: .whitespaces).lowercased()
    switch kind {
    case .choice(let values):
      // `in situ`, `in-situ` and `in_situ` are one answer.
      let typed = Self.spoken(value)
      let spoken = values.map { Self.spoken($0).lowercased() }
      if let exact = spoken.firstIndex(of: typed) { return .success(values[exact]) }
      let matches = values.indices.filter { spoken[$0].hasPrefix(typed) }
      if matches.count == 1, let only = matches.first { return .success(values[only]) }
      return .failure(
        InputError("Choose one of: \(values.map(Self.spoken).joined(separator: ", "))."))
    case .yesNo:
      if ["y", "yes", "true"].contains(value) { return .success("yes") }
      if ["n", "no", "false"].contains(value) { return .success("no") }
      return .failure(InputError("Answer yes or no."))
    case .number(let minimum, let maximum, let integer, let optional):
      if optional && (value == "unknown" || value == "?") { return .success("unknown") }
      let cleaned = value.replacingOccurrences(of: "%", with: "")
        .trimmingCharacters(in: .whitespaces)
      guard let number = Double(cleaned), number.isFinite, number >= minimum,
        maximum.map({ number <= $0 }) ?? true, !integer || number == number.rounded()
      else {
        let range = maximum.map { "\(format(minimum))–\(format($0))" } ?? "≥ \(format(minimum))"
        let whole = integer ? "a whole number " : "a number "
        return .failure(
          InputError("Give \(whole)\(range)\(optional ? ", or unknown" : "")."))
      }
      return .success(format(number))
    case .list(let values):
      if value == "none" || value.isEmpty { return .success("none") }
      guard let items = Self.phrases(in: value, of: values) else {
        return .failure(
          InputError("Choose from: \(values.map(Self.spoken).joined(separator: ", ")), or none."))
      }
      var seen: [String] = []
      for item in items where !seen.contains(item) { seen.append(item) }
      return .success(seen.joined(separator: " "))
    }
  }

  /// A value as typed and read: `in_situ` is `in situ`.
  static func spoken(_ value: String) -> String {
    value.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
  }

  /// The values named in `text`, each written with spaces, hyphens or underscores and
  /// separated by spaces or commas (`portal vein thrombosis, liver failure`); nil when a word
  /// names none of them.
  static func phrases(in text: String, of values: [String]) -> [String]? {
    let words = spoken(text).split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    let known = values.map { (value: $0, words: spoken($0).split(separator: " ").map(String.init)) }
    var found: [String] = []
    var index = 0
    while index < words.count {
      // The longest value whose words come next.
      let match = known.filter { candidate in
        index + candidate.words.count <= words.count
          && Array(words[index..<index + candidate.words.count]) == candidate.words
      }.max { $0.words.count < $1.words.count }
      guard let match else { return nil }
      found.append(match.value)
      index += match.words.count
    }
    return found
  }

  /// `58` for a whole number that fits an `Int`, else the number as Swift prints it (`1e+300`):
  /// a fact without a maximum may be any size.
  private func format(_ number: Double) -> String {
    guard number == number.rounded(), let whole = Int(exactly: number) else {
      return String(number)
    }
    return String(whole)
  }
}

/// Why a line of input (a fact, a command option) was not accepted, in words for the learner.
struct InputError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
