extension CourseIndex {
  /// Every page, question and case stage that holds all the words of `words` (ignoring case
  /// and accents; a word matches the start of a word of the text), most occurrences first,
  /// then in course order. Empty when `words` has no word.
  ///
  /// ```swift
  /// index.search("carcinoid heart").first?.location
  /// // lesson 3, page 2 “Carcinoid heart disease”
  /// ```
  public func search(_ words: String) -> [SearchHit] {
    let query = SearchText.queryWords(words)
    guard !query.isEmpty else { return [] }
    var found: [(hit: SearchHit, order: Int)] = []
    for (order, document) in documents.enumerated() {
      var score = 0
      var everyWord = true
      for word in query {
        let count = document.count(matching: word)
        guard count > 0 else {
          everyWord = false
          break
        }
        score += count
      }
      guard everyWord else { continue }
      let snippet = Self.snippet(of: document, for: query)
      let hit = SearchHit(
        place: document.place, score: score, snippet: snippet,
        highlights: Self.highlights(in: snippet, for: query))
      found.append((hit, order))
    }
    return found.sorted { ($1.hit.score, $0.order) < ($0.hit.score, $1.order) }.map(\.hit)
  }

  /// How many words a snippet shows at most, and how many characters.
  private static let snippetWords = 24
  private static let snippetCharacters = 160

  /// The stretch of the body (the heading when the body holds no word) where the most
  /// distinct query words stand close together, on one line, with `…` where it was cut.
  static func snippet(of document: SearchDocument, for query: [String]) -> String {
    let words = SearchText.words(of: document.text)
    let matching = { (index: Int) in query.contains { Self.word(words[index].folded, matches: $0) }
    }
    let body = document.bodyStart..<words.count
    let range = body.contains(where: matching) ? body : 0..<min(document.bodyStart, words.count)
    guard !range.isEmpty else { return "" }
    // The window of a few words starting at each match; the one with most distinct words wins.
    var best = (start: range.lowerBound, distinct: 0)
    for index in range where matching(index) {
      let window = index..<min(index + 8, range.upperBound)
      let distinct = query.filter { word in
        window.contains { Self.word(words[$0].folded, matches: word) }
      }.count
      if distinct > best.distinct { best = (index, distinct) }
    }
    var first = max(range.lowerBound, best.start - 4)
    var last = first
    let text = document.text
    func fits(_ from: Int, _ to: Int) -> Bool {
      to - from < snippetWords
        && text.distance(from: words[from].range.lowerBound, to: words[to].range.upperBound)
          <= snippetCharacters
    }
    while last + 1 < range.upperBound, fits(first, last + 1) { last += 1 }
    // Room left at the end goes to the words before, so a short text shows whole.
    while first > range.lowerBound, fits(first - 1, last) { first -= 1 }
    // Keep the punctuation that closes the text (`.`, `?`, `%`) when the snippet reaches it.
    let end = last + 1 == words.count ? text.endIndex : words[last].range.upperBound
    let shown = SourceCatalog.normalised(String(text[words[first].range.lowerBound..<end]))
    let before = first > range.lowerBound ? "…" : ""
    let after = last + 1 < range.upperBound ? "…" : ""
    return before + shown + after
  }

  /// Where the words of `query` stand in `snippet`.
  static func highlights(in snippet: String, for query: [String]) -> [Range<String.Index>] {
    SearchText.words(of: snippet)
      .filter { word in query.contains { Self.word(word.folded, matches: $0) } }
      .map(\.range)
  }
}
