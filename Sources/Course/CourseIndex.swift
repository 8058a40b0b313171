/// Look-ups over a loaded course, built once: the glossary (`define`, `completions`), a
/// word search over pages, questions and cases (`search`), and the references the course
/// cites (`sources`).
///
/// A value with no I/O: build it from the `Course` that `CourseLoader` returns and keep it
/// as long as the course. Building it folds and splits every text of the course once, so
/// each search only compares words.
///
/// ```swift
/// let index = CourseIndex(course: try CourseLoader.load(from: "Lessons"))
/// index.define("nelm")?.expansion        // "neuroendocrine liver metastases"
/// index.completions(prefix: "DOTA")      // ["DOTATATE", "DOTATOC"]
/// index.search("tricuspid valve").first?.location
/// index.sources().count
/// ```
public struct CourseIndex: Sendable {
  /// Every glossary entry, sorted by term ignoring case and accents (`5-HIAA` first).
  public let terms: [GlossaryEntry]
  let documents: [SearchDocument]
  private let references: [SourceEntry]
  /// Each term's comparison key (folded, letters and digits only), in `terms` order.
  private let termKeys: [String]

  /// Builds the index of `course`.
  public init(course: Course) {
    let keyed = course.glossary.map { (entry: $0, key: SearchText.fold($0.term)) }
    let sorted = keyed.sorted { ($0.key, $0.entry.term) < ($1.key, $1.entry.term) }
    self.terms = sorted.map(\.entry)
    self.termKeys = sorted.map { Self.compact($0.key) }
    self.documents = SearchDocument.documents(of: course)
    self.references = SourceCatalog.entries(in: course)
  }

  /// The entry for `term`: the term exactly as written; else the term ignoring case, accents
  /// and punctuation (`ki67` finds `Ki-67`); else the one term that starts so (`Milan`
  /// finds `Milan criteria`); else the entry whose expansion holds every word
  /// of `term` (`liver metastases` finds `LM`), the shortest expansion first.
  ///
  /// Nil when nothing matches; `entries(matching:)` gives every candidate.
  public func define(_ term: String) -> GlossaryEntry? {
    entries(matching: term).first
  }

  /// Every entry `define` could return for `query`, best first: one exact or spelling match,
  /// or every entry whose expansion holds all of the query's words.
  public func entries(matching query: String) -> [GlossaryEntry] {
    let trimmed = SourceCatalog.normalised(query)
    guard !trimmed.isEmpty else { return [] }
    if let exact = terms.first(where: { $0.term == trimmed }) { return [exact] }
    let key = Self.compact(SearchText.fold(trimmed))
    if !key.isEmpty, let index = termKeys.firstIndex(of: key) { return [terms[index]] }
    // A term's first word typed alone (`Milan` for `Milan criteria`) names that term before
    // any expansion that merely holds the word (`octreotide` is not `DOTATOC`).
    if key.count >= 3 {
      let named = terms.indices.filter { termKeys[$0].hasPrefix(key) }
      if named.count == 1, let only = named.first { return [terms[only]] }
    }
    let words = SearchText.queryWords(trimmed)
    guard !words.isEmpty else { return [] }
    return
      terms
      .map { (entry: $0, words: SearchText.words(of: $0.expansion).map(\.folded)) }
      .filter { candidate in
        words.allSatisfy { word in candidate.words.contains { Self.word($0, matches: word) } }
      }
      .enumerated()
      .sorted { ($0.element.words.count, $0.offset) < ($1.element.words.count, $1.offset) }
      .map(\.element.entry)
  }

  /// The glossary terms that start with `prefix`, ignoring case and accents, as written and
  /// in `terms` order; every term for an empty prefix. For Tab completion of `define`.
  public func completions(prefix: String) -> [String] {
    let folded = SearchText.fold(prefix)
    return terms.map(\.term).filter { SearchText.fold($0).hasPrefix(folded) }
  }

  /// Every distinct reference the course's `source` texts name, split on `;`, trimmed,
  /// sorted alphabetically ignoring case and accents, each with the lessons, pages,
  /// questions and cases that cite it.
  public func sources() -> [SourceEntry] { references }

  /// Whether the folded word `token` of a text matches the folded query word `word`: a word
  /// with a letter matches as a prefix (`transplant` in `transplantation`), a number only
  /// whole (`5` is not in `50`).
  static func word(_ token: String, matches word: String) -> Bool {
    word.allSatisfy(\.isNumber) ? token == word : token.hasPrefix(word)
  }

  /// `text` with everything but letters and digits removed.
  private static func compact(_ text: String) -> String {
    String(text.filter { $0.isLetter || $0.isNumber })
  }
}
