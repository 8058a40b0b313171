import Testing

@testable import Course

/// The glossary file: loading, and one broken fixture per check with the exact problems.
@Suite("Glossary file")
struct GlossaryTests {
  /// A fixture in `Fixtures/glossary-broken/` and its problems as `line:column: message`, in
  /// the order found (the decoder's, then the checks across terms).
  struct Row: CustomTestStringConvertible, Sendable {
    let fixture: String
    let expected: [String]
    var testDescription: String { fixture }

    init(_ fixture: String, _ expected: String...) {
      self.fixture = fixture
      self.expected = expected
    }
  }

  static let rows: [Row] = [
    Row(
      "unknown-key",
      "4:5: unknown key 'defintion' in term; expected one of: term, expansion, definition, "
        + "see, source",
      "2:5: missing key 'definition' in term 'LM'"),
    Row("missing-key", "2:5: missing key 'expansion' in term 'LM'"),
    // A key with nothing after the colon is YAML's null, placed just after the colon.
    Row("empty-definition", "4:16: empty 'definition' in term 'LM'"),
    Row("empty-see", "5:10: empty 'see' in term 'LM'"),
    Row("empty-source", "5:13: empty 'source' in term 'LM'"),
    Row("top-level-list", "1:1: the top level must be a mapping with the key 'terms'"),
    Row("empty-terms", "1:8: empty 'terms' in glossary"),
    Row("empty-file", "1:1: the file is empty; expected a glossary with 'terms'"),
    Row(
      "wrong-root-key", "1:1: unknown key 'glossary' in glossary; expected one of: terms",
      "1:1: missing key 'terms' in glossary"),
    Row("entry-not-mapping", "2:5: term 1 must be a mapping of keys"),
    // Terms are compared ignoring case, as `define` finds them.
    Row("duplicate-term", "5:11: term 'nelm' is already used at FILE:2:11"),
    Row(
      "see-unknown", "5:11: 'see' names 'XX', which is no term",
      "5:15: 'see' names 'lm', which is no term; did you mean 'LM'?"),
  ]

  @Test("each broken glossary yields exactly its problems", arguments: rows)
  func brokenFixture(row: Row) {
    let path = Fixtures.file("glossary-broken", row.fixture + ".yaml")
    let decoded = CourseScanner.readGlossary(file: path)
    let diagnostics = decoded.diagnostics + GlossaryChecks.check([decoded])
    let expected = row.expected.map { path + ":" + $0.replacing("FILE", with: path) }
    #expect(diagnostics.map(\.description) == expected)
  }

  @Test("every entry of a sound glossary arrives in the course, in the order written")
  func loadsWithTheCourse() throws {
    let course = try CourseLoader.load(from: Fixtures.folder("glossary-valid"))
    #expect(course.glossary.map(\.term) == ["NELM", "LM", "LT", "Ki-67", "FLR"])
    #expect(
      course.glossary.first
        == GlossaryEntry(
          term: "NELM", expansion: "neuroendocrine liver metastases",
          definition: "Liver metastases of a neuroendocrine tumour.", see: ["LM"],
          source: "Frilling et al., HPB 2010 (abstract)"))
    #expect(course.glossary[2].see == [] && course.glossary[2].source == nil)
    // The glossary is not read as a lesson.
    #expect(course.lessons.map(\.id) == ["liver", "imaging"])
  }

  @Test("lint lists the glossary between the lessons and the cases, and counts everything")
  func lintCounts() throws {
    let folder = Fixtures.folder("glossary-valid")
    let report = try CourseLinter.lint(directory: folder)
    #expect(report.diagnostics == [])
    #expect(
      report.files == [
        folder + "/01-liver.yaml", folder + "/02-imaging.yaml", folder + "/glossary.yaml",
        folder + "/cases/pancreas-progression.yaml",
      ])
    // 2 lessons; 2 + 1 pages; 2 questions; 1 case; 5 terms; the 8 references worked out in
    // CourseIndexTests.sources (a glossary entry's source among them).
    #expect(
      [
        report.lessonCount, report.pageCount, report.questionCount, report.caseCount,
        report.glossaryCount, report.sourceCount,
      ] == [2, 3, 2, 1, 5, 8])
  }

  @Test("a glossary problem stops the course from loading, as lint reports it")
  func brokenGlossaryBlocksLoading() throws {
    let folder = Fixtures.folder("glossary-course")
    let report = try CourseLinter.lint(directory: folder)
    #expect(
      report.diagnostics.map(\.description) == [
        folder + "/glossary.yaml:5:11: 'see' names 'NELM', which is no term"
      ])
    #expect(throws: CourseError.invalid(report.diagnostics)) {
      try CourseLoader.load(from: folder)
    }
  }

  @Test("a folder without a glossary has an empty one")
  func noGlossary() throws {
    #expect(try CourseLoader.load(from: Fixtures.folder("valid")).glossary == [])
  }
}
