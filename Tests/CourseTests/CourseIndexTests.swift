import Foundation
import Testing

@testable import Course

/// `CourseIndex` on the `glossary-valid` fixture: two lessons, a case and five terms. Every
/// expected value is worked out from the fixture's text.
@Suite("Course index")
struct CourseIndexTests {
  static let course: Course =
    (try? CourseLoader.load(from: Fixtures.folder("glossary-valid")))
    ?? Course(lessons: [])
  let index = CourseIndex(course: Self.course)

  @Test("the fixture loads")
  func fixtureLoads() throws {
    _ = try CourseLoader.load(from: Fixtures.folder("glossary-valid"))
  }

  @Test(
    "define: exact, then ignoring case and punctuation, then by expansion (shortest first)",
    arguments: [
      ("NELM", "NELM"), ("nelm", "NELM"), ("  Nelm ", "NELM"), ("ki67", "Ki-67"),
      ("KI-67", "Ki-67"), ("ki 67", "Ki-67"), ("liver metastases", "LM"),
      ("metastases neuroendocrine", "NELM"), ("transplant", "LT"), ("remnant", "FLR"),
      ("LIVER", "LM"), ("xyz", nil), ("", nil), ("-", nil),
    ] as [(String, String?)])
  func define(query: String, term: String?) {
    #expect(index.define(query)?.term == term)
  }

  @Test("every expansion match, two-word expansions before three-word ones")
  func candidates() {
    // Terms sorted: FLR, Ki-67, LM, LT, NELM; LM and LT have two words, FLR and NELM three.
    #expect(index.entries(matching: "liver").map(\.term) == ["LM", "LT", "FLR", "NELM"])
    #expect(index.entries(matching: "lm").map(\.term) == ["LM"])
  }

  @Test(
    "completions: terms starting with the prefix, ignoring case, in sorted order",
    arguments: [
      ("", ["FLR", "Ki-67", "LM", "LT", "NELM"]), ("l", ["LM", "LT"]), ("KI", ["Ki-67"]),
      ("ne", ["NELM"]), ("z", []),
    ])
  func completions(prefix: String, expected: [String]) {
    #expect(index.completions(prefix: prefix) == expected)
  }

  @Test("search ranks by occurrences, then course order, and names each place")
  func searchRanking() {
    // Page 1 says "tricuspid" three times; the question twice (option a's text and its
    // explanation); the hint is not searched.
    let hits = index.search("tricuspid")
    #expect(
      hits.map(\.location) == [
        "lesson 1, page 1 “Carcinoid heart disease”", "question chd-valve (lesson 1)",
      ])
    #expect(hits.map(\.score) == [3, 2])
    #expect(
      hits.map(\.place) == [
        .page(lesson: 1, lessonID: "liver", page: 1, title: "Carcinoid heart disease"),
        .question(id: "chd-valve", lesson: 1, lessonID: "liver"),
      ])
  }

  @Test(
    "search matches every word, ignoring case and accents, by word prefix",
    arguments: [
      (
        "TRICUSPID",
        ["lesson 1, page 1 “Carcinoid heart disease”", "question chd-valve (lesson 1)"]
      ),
      ("plockinger", ["lesson 2, page 1 “Receptors”"]),
      ("Plöckinger KLOPPEL", ["lesson 2, page 1 “Receptors”"]),
      // Both words must be in the same item.
      ("tricuspid transplant", []),
      // "transplant" starts "transplantation" and "Transplant": page 2 has two, the question
      // stem one and its explanation one; the question comes second.
      ("transplant", ["lesson 1, page 2 “Transplantation”", "question ltx-milan (lesson 1)"]),
      // The hint ("Think of the right heart.") is not searched.
      ("think", []),
      ("bilioenteric", ["case pancreas-progression, stage 3 “After a bypass”"]),
      // The case's title is searched with every stage.
      (
        "metastasis disseminated",
        [
          "case pancreas-progression, stage 1 “Staging”",
          "case pancreas-progression, stage 2 “Two years later”",
          "case pancreas-progression, stage 3 “After a bypass”",
        ]
      ),
      ("", []), ("  ,; ", []),
    ])
  func search(words: String, locations: [String]) {
    #expect(index.search(words).map(\.location) == locations)
  }

  @Test(
    "a word with a letter matches as a prefix, a number only whole",
    arguments: [
      ("transplantation", "transplant", true), ("2019", "20", false), ("20", "20", true),
      ("ki", "ki", true), ("liver", "livers", false),
    ])
  func wordMatching(token: String, word: String, matches: Bool) {
    #expect(CourseIndex.word(token, matches: word) == matches)
  }

  @Test(
    "every occurrence counts, accented or not, a number only whole",
    arguments: [
      ("plöckinger", 3), ("Plock", 3), ("PLÖCKINGER", 3), ("5", 2), ("50", 1), ("ploeck", 0),
    ])
  func occurrences(words: String, score: Int) {
    let page = Page(
      title: "Names", text: "Plöckinger wrote; plockinger again, PLÖCKINGER: 5 of 50 and 5.",
      source: "S")
    let lesson = Lesson(
      id: "names", title: "Names", order: 1, summary: "S", objectives: ["O"], source: "S",
      pages: [page], questions: [])
    let hits = CourseIndex(course: Course(lessons: [lesson])).search(words)
    #expect(hits.map(\.score) == (score == 0 ? [] : [score]))
  }

  @Test("a short text is its own snippet, on one line, with the words highlighted")
  func shortSnippet() throws {
    // The question says "Milan" twice (stem and explanation), page 2 once.
    let hits = index.search("milan")
    #expect(
      hits.map(\.location) == [
        "question ltx-milan (lesson 1)", "lesson 1, page 2 “Transplantation”",
      ])
    let hit = try #require(hits.last)
    let text =
      "Liver transplantation is justified in selected patients. Transplant candidates meet "
      + "the Milan criteria."
    #expect(hit.snippet == text)
    #expect(hit.highlights.map { String(hit.snippet[$0]) } == ["Milan"])
    let heart = try #require(index.search("classic").first)
    // Paragraphs and line breaks become single spaces.
    #expect(heart.snippet.hasSuffix("failure. The tricuspid lesion is the classic one."))
  }

  @Test("a long text is cut around the words, with … on each cut side")
  func longSnippet() throws {
    let words = (1...80).map { "word\($0)" }
    let text =
      words[..<40].joined(separator: " ") + " needle " + words[40...].joined(separator: " ")
    let page = Page(title: "Long", text: text, source: "S")
    let lesson = Lesson(
      id: "long", title: "Long", order: 1, summary: "S", objectives: ["O"], source: "S",
      pages: [page], questions: [])
    let hit = try #require(CourseIndex(course: Course(lessons: [lesson])).search("needle").first)
    #expect(hit.snippet.hasPrefix("…") && hit.snippet.hasSuffix("…"))
    #expect(hit.snippet.contains("word40 needle word41"))
    #expect(hit.snippet.count <= 162)
    #expect(hit.highlights.map { String(hit.snippet[$0]) } == ["needle"])
  }

  @Test("sources: split on '; ' outside parentheses, normalised, sorted, with their citations")
  func sources() {
    let expected: [SourceEntry] = [
      SourceEntry(
        reference: "Frilling et al., HPB 2010",
        citations: [
          .lesson(id: "liver"), .lesson(id: "imaging"), .page(lessonID: "imaging", number: 1),
          .clinicalCase(id: "pancreas-progression"),
        ]),
      // Glossary entries cite too.
      SourceEntry(
        reference: "Frilling et al., HPB 2010 (abstract)", citations: [.glossary(term: "NELM")]),
      SourceEntry(
        reference: "Frilling et al., HPB 2010, Figure 3 (reconstructed)",
        citations: [.clinicalCase(id: "pancreas-progression")]),
      SourceEntry(
        reference: "Mazzaferro V et al., J Hepatol 2007", citations: [.lesson(id: "liver")]),
      SourceEntry(
        reference: "Mazzaferro V et al., J Hepatol 2007 (Milan criteria; as summarised)",
        citations: [.page(lessonID: "liver", number: 2)]),
      SourceEntry(
        reference: "Mazzaferro V et al., J Hepatol 2007;47:460",
        citations: [.question(id: "ltx-milan")]),
      // ę sorts as e, before T.
      SourceEntry(
        reference: "Pęczkowska M et al., Kardiol Pol 2022",
        citations: [.page(lessonID: "liver", number: 1), .question(id: "chd-valve")]),
      SourceEntry(
        reference: "Tex Heart Inst J 2019 review",
        citations: [.page(lessonID: "liver", number: 1), .question(id: "chd-valve")]),
    ]
    #expect(index.sources() == expected)
  }

  @Test(
    "a source text splits into references",
    arguments: [
      ("A; B", ["A", "B"]), ("A;B", ["A;B"]),
      ("J 2009;27:4656 (X); Y", ["J 2009;27:4656 (X)", "Y"]),
      ("A (b; c); D", ["A (b; c)", "D"]), ("  A   b ;  ; C;", ["A b", "C"]),
    ])
  func references(source: String, expected: [String]) {
    #expect(SourceCatalog.references(in: source) == expected)
  }

  @Test("citations read as the items they name")
  func citationWords() {
    #expect(
      [
        Citation.lesson(id: "a"), .page(lessonID: "a", number: 3), .question(id: "q"),
        .clinicalCase(id: "c"), .glossary(term: "Ki-67"),
      ].map(\.description) == ["lesson a", "a page 3", "question q", "case c", "glossary Ki-67"])
  }

  @Test(
    "define on the real course: a drug or criterion is its own entry, not a tracer's (B12)",
    arguments: [
      ("octreotide", "octreotide"), ("lanreotide", "lanreotide"), ("Milan", "Milan criteria"),
      ("milan criteria", "Milan criteria"), ("DOTATOC", "DOTATOC"),
    ])
  func realCourseDefine(query: String, term: String) throws {
    let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons")
    let course = try CourseLoader.load(from: lessons.path)
    #expect(CourseIndex(course: course).define(query)?.term == term)
  }

  @Test("the index of the real course builds in well under a second")
  func realCourseSpeed() throws {
    let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons")
    guard let course = try? CourseLoader.load(from: lessons.path) else { return }
    let clock = ContinuousClock()
    var built: CourseIndex?
    let elapsed = clock.measure { built = CourseIndex(course: course) }
    // The target is 50 ms in a release build; a debug build on a busy machine gets room.
    #expect(elapsed < .seconds(1))
    #expect(built?.search("tricuspid").isEmpty == false)
  }
}
