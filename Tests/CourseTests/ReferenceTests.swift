import Testing

@testable import Course

@Suite("References file: one spelling per paper")
struct ReferenceTests {
  static let referencesYAML = """
    references:
      - cite: Frilling A et al., HPB 2010
        full: Frilling A, Sotiropoulos GC, Li J, Kornasiewicz O, Plöckinger U. Multimodal management of neuroendocrine liver metastases. HPB (Oxford) 2010;12:361-379.
        link: https://pubmed.ncbi.nlm.nih.gov/20662787/
      - cite: Rinke A et al., J Clin Oncol 2009
        full: Rinke A et al. Placebo-controlled, double-blind, prospective, randomized study on the effect of octreotide LAR in the control of tumor growth in patients with metastatic neuroendocrine midgut tumors. J Clin Oncol 2009;27:4656-4663.
    """

  static func lesson(source: String, pageSource: String) -> String {
    """
    id: intro
    title: Introduction
    order: 1
    summary: Where the liver metastases come from.
    objectives: [Say where they come from.]
    source: \(source)
    pages:
      - title: Origins
        text: Most come from the small bowel or the pancreas.
        source: \(pageSource)
    questions: []
    """
  }

  static func scan(_ lessonYAML: String, references: String? = referencesYAML)
    -> CourseScanner.Scan
  {
    CourseScanner.check(
      [LessonDecoder.decode(yaml: lessonYAML, file: "L/01-intro.yaml")],
      references: references.map {
        [ReferenceDecoder.decode(yaml: $0, file: "L/references.yaml")]
      } ?? [])
  }

  @Test("a cite form with or without a locator in parentheses is accepted")
  func citeForms() {
    let scan = Self.scan(
      Self.lesson(
        source: "Frilling A et al., HPB 2010 (abstract; Figure 3)",
        pageSource: "Rinke A et al., J Clin Oncol 2009 (PROMID); Frilling A et al., HPB 2010"))
    #expect(scan.citationProblems == [])
    #expect(
      scan.references.map(\.cite) == [
        "Frilling A et al., HPB 2010", "Rinke A et al., J Clin Oncol 2009",
      ])
  }

  @Test("a paper spelt another way is reported where it is written, with the cite it resembles")
  func otherSpelling() {
    let scan = Self.scan(
      Self.lesson(
        source: "Frilling et al., HPB 2010, Figure 3",
        pageSource: "Rinke A et al., J Clin Oncol 2009"))
    #expect(
      scan.citationProblems == [
        Diagnostic(
          file: "L/01-intro.yaml", line: 6, column: 9,
          message:
            "'Frilling et al., HPB 2010, Figure 3' is not in the references file: name a paper "
            + "by its 'cite' there, optionally followed by a locator in parentheses; did you "
            + "mean 'Frilling A et al., HPB 2010'?"),
        Diagnostic(
          file: "L/references.yaml", line: 2, column: 11,
          message: "'Frilling A et al., HPB 2010' is cited by no source; remove it"),
      ])
  }

  @Test("a cite listed twice, and a cite nobody uses, are reported in the references file")
  func duplicateAndUnused() {
    let references =
      Self.referencesYAML + "\n  - cite: Frilling A et al., HPB 2010\n    full: Again.\n"
    let scan = Self.scan(
      Self.lesson(source: "Frilling A et al., HPB 2010", pageSource: "Frilling A et al., HPB 2010"),
      references: references)
    #expect(
      scan.citationProblems.map(\.message) == [
        "'Rinke A et al., J Clin Oncol 2009' is cited by no source; remove it",
        "'Frilling A et al., HPB 2010' is already listed at L/references.yaml:2:11",
      ])
  }

  @Test(
    "a citation problem is for lint: the course still loads, so an author's edit never locks the shell out"
  )
  func citationProblemsDoNotBlockLoading() {
    let scan = Self.scan(
      Self.lesson(source: "Frilling et al., HPB 2010", pageSource: "Somebody, 2025"))
    #expect(scan.diagnostics == [])
    // Two sources nobody lists, and the two listed papers nobody now cites.
    #expect(scan.citationProblems.count == 4)
    #expect(scan.lessons.count == 1)
  }

  @Test("without a references file, sources are free")
  func noCatalog() {
    let scan = Self.scan(
      Self.lesson(source: "Anything at all, 2010", pageSource: "Frilling et al., HPB 2010"),
      references: nil)
    #expect(scan.citationProblems == [])
  }

  @Test("a cite may not end in a parenthesis or hold a semicolon")
  func badCite() {
    let scan = Self.scan(
      Self.lesson(source: "X", pageSource: "X"),
      references: "references:\n  - cite: X (2010)\n    full: X.\n")
    #expect(scan.diagnostics.contains { $0.message.hasPrefix("'cite' must not contain ';'") })
  }

  @Test("nelm sources lists a paper once, whatever its locators, with its full reference")
  func catalogEntries() {
    let scan = Self.scan(
      Self.lesson(
        source: "Frilling A et al., HPB 2010 (abstract)",
        pageSource: "Frilling A et al., HPB 2010 (Figure 3); Rinke A et al., J Clin Oncol 2009"))
    let course = Course(lessons: scan.lessons, references: scan.references)
    let entries = SourceCatalog.entries(in: course)
    #expect(
      entries.map(\.reference) == [
        "Frilling A et al., HPB 2010", "Rinke A et al., J Clin Oncol 2009",
      ])
    #expect(
      entries.first?.citations == [.lesson(id: "intro"), .page(lessonID: "intro", number: 1)])
    #expect(entries.first?.link == "https://pubmed.ncbi.nlm.nih.gov/20662787/")
    #expect(entries.last?.full?.hasPrefix("Rinke A et al. Placebo-controlled") == true)
  }

  @Test(
    "locators come off the end, nested parentheses included",
    arguments: [
      ("Frilling A et al., HPB 2010 (Figure 3 (reconstructed))", "Frilling A et al., HPB 2010"),
      ("Frilling A et al., HPB 2010 (a) (b)", "Frilling A et al., HPB 2010"),
      ("WHO 2010", "WHO 2010"),
    ])
  func citeForm(written: String, expected: String) {
    #expect(ReferenceChecks.citeForm(of: written) == expected)
  }
}
