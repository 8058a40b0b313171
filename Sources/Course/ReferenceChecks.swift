/// The checks that hold every `source` against the references file: each reference a source
/// names is a `cite` of the file, written exactly, with at most a locator in parentheses; each
/// `cite` is written once and cited somewhere.
///
/// Only a course with a references file is checked: a small course of a few files may cite
/// freely.
enum ReferenceChecks {
  /// Every problem of the references file against the sources of the course.
  static func check(sources: [Located<String>], catalog: DecodedReferences) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var firsts: [String: Located<String>] = [:]
    for cite in catalog.cites {
      if let first = firsts[cite.value] {
        diagnostics.append(
          cite.diagnostic("'\(cite.value)' is already listed at \(first.location)"))
      } else {
        firsts[cite.value] = cite
      }
    }
    var cited: Set<String> = []
    for source in sources {
      for reference in SourceCatalog.references(in: source.value) {
        let base = citeForm(of: reference)
        if firsts[base] != nil {
          cited.insert(base)
          continue
        }
        let near =
          closest(to: base, among: catalog.cites.map(\.value))
          .map { "; did you mean '\($0)'?" } ?? ""
        diagnostics.append(
          source.diagnostic(
            "'\(reference)' is not in the references file: name a paper by its 'cite' there, "
              + "optionally followed by a locator in parentheses\(near)"))
      }
    }
    for cite in catalog.cites where !cited.contains(cite.value) && firsts[cite.value] == cite {
      diagnostics.append(cite.diagnostic("'\(cite.value)' is cited by no source; remove it"))
    }
    return diagnostics
  }

  /// A reference without its trailing locators: `Frilling A et al., HPB 2010 (Figure 3)` →
  /// `Frilling A et al., HPB 2010`.
  static func citeForm(of reference: String) -> String {
    var text = Substring(reference)
    while text.hasSuffix(")"), let open = matchingOpen(in: text) {
      text = text[..<open]
      while text.last == " " { text = text.dropLast() }
    }
    return String(text)
  }

  /// Where the parenthesis that closes `text` opens.
  private static func matchingOpen(in text: Substring) -> Substring.Index? {
    var depth = 0
    var index = text.endIndex
    while index > text.startIndex {
      index = text.index(before: index)
      switch text[index] {
      case ")": depth += 1
      case "(":
        depth -= 1
        if depth == 0 { return index }
      default: break
      }
    }
    return nil
  }

  /// The `cite` that shares the most words with `text`, when it shares its first word (the
  /// first author) and its year.
  static func closest(to text: String, among cites: [String]) -> String? {
    func words(_ text: String) -> [String] {
      text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
    let wanted = words(text)
    guard let first = wanted.first else { return nil }
    let years = Set(wanted.filter { $0.count == 4 && Int($0) != nil })
    return
      cites
      .filter { cite in
        let candidate = words(cite)
        return candidate.first == first && !years.isDisjoint(with: candidate)
      }
      .max { Set(words($0)).intersection(wanted).count < Set(words($1)).intersection(wanted).count }
  }
}
