/// One paper, guideline or book the course cites, written once in `references.yaml`.
///
/// A `source` in a lesson, case or glossary names references by their `cite` form, each
/// optionally followed by a locator in parentheses: `Frilling A et al., HPB 2010 (Figure 3)`.
/// So a paper has one spelling across the course, and `nelm sources` lists it once.
public struct Reference: Sendable, Equatable, Codable {
  /// The short form sources use: `Frilling A et al., HPB 2010`.
  public var cite: String
  /// The full reference: authors, title, journal, year, volume and pages.
  public var full: String
  /// Where a learner can read it (a PubMed, PMC or DOI address); nil when none is given.
  public var link: String?

  /// Creates a value from its parts.
  public init(cite: String, full: String, link: String? = nil) {
    self.cite = cite
    self.full = full
    self.link = link
  }
}
