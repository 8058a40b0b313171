/// The glossary checks that need every term at once: a term written twice, and a `see` item
/// that names no term.
enum GlossaryChecks {
  /// One problem for every term already used (ignoring case, as `define` does), pointing at
  /// the later one, and one for every `see` item that names no term exactly.
  static func check(_ glossaries: [DecodedGlossary]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var firsts: [String: Located<String>] = [:]
    var exact: Set<String> = []
    for term in glossaries.flatMap(\.terms) {
      exact.insert(term.value)
      let key = term.value.lowercased()
      if let first = firsts[key] {
        diagnostics.append(
          term.diagnostic("term '\(term.value)' is already used at \(first.location)"))
      } else {
        firsts[key] = term
      }
    }
    for reference in glossaries.flatMap(\.references) where !exact.contains(reference.value) {
      let near = firsts[reference.value.lowercased()].map { "; did you mean '\($0.value)'?" }
      diagnostics.append(
        reference.diagnostic("'see' names '\(reference.value)', which is no term\(near ?? "")"))
    }
    return diagnostics
  }
}

extension Located {
  /// A problem at the place this value was written.
  func diagnostic(_ message: String) -> Diagnostic {
    Diagnostic(file: file, line: line, column: column, message: message)
  }
}
