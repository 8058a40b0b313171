/// One abbreviation of the course: what it stands for and what it means.
///
/// Read from the course folder's `glossary.yaml` (format in `Lessons/README.md`); the shell's
/// `glossary` and `define` commands and `nelm define` show it.
public struct GlossaryEntry: Sendable, Equatable, Codable {
  /// The abbreviation as written in the lessons: `NELM`, `Ki-67`, `5-HIAA`.
  public var term: String
  /// What it stands for: `neuroendocrine liver metastases`.
  public var expansion: String
  /// One or two plain sentences on what it means in this course.
  public var definition: String
  /// Related terms, each naming another entry's `term`.
  public var see: [String]
  /// Where the definition comes from, when the entry names it.
  public var source: String?

  /// Creates an entry; `GlossaryDecoder` is the usual source.
  public init(
    term: String, expansion: String, definition: String, see: [String] = [],
    source: String? = nil
  ) {
    self.term = term
    self.expansion = expansion
    self.definition = definition
    self.see = see
    self.source = source
  }
}
