/// Splits the `source` texts of a course into references and lists who cites each.
///
/// A `source` names several references separated by `;`. A semicolon inside parentheses
/// (`(abstract; Figure 3)`) or straight before a volume (`2009;27:4656`) separates nothing, so
/// only `;` followed by a space or the end, outside parentheses, splits.
enum SourceCatalog {
  /// Every distinct reference of `course` (lessons, pages, questions, cases, case steps and
  /// glossary entries), sorted alphabetically ignoring case and accents, each with its
  /// citations in course order.
  ///
  /// With a references file, a reference is the paper a source names, whatever locator follows
  /// it (`Frilling A et al., HPB 2010 (Figure 3)` is `Frilling A et al., HPB 2010`), and its
  /// entry carries the full reference and link.
  static func entries(in course: Course) -> [SourceEntry] {
    let catalog = Dictionary(
      course.references.map { ($0.cite, $0) }, uniquingKeysWith: { first, _ in first })
    var citations: [String: [Citation]] = [:]
    func cite(_ source: String?, by citation: Citation) {
      guard let source else { return }
      for written in references(in: source) {
        let paper = ReferenceChecks.citeForm(of: written)
        let reference = catalog[paper] == nil ? written : paper
        if citations[reference]?.last != citation {
          citations[reference, default: []].append(citation)
        }
      }
    }
    for lesson in course.lessons {
      cite(lesson.source, by: .lesson(id: lesson.id))
      for (index, page) in lesson.pages.enumerated() {
        cite(page.source, by: .page(lessonID: lesson.id, number: index + 1))
      }
      for question in lesson.questions {
        cite(question.source, by: .question(id: question.id))
      }
    }
    for clinicalCase in course.cases {
      cite(clinicalCase.source, by: .clinicalCase(id: clinicalCase.id))
      for step in clinicalCase.steps {
        cite(step.source, by: .clinicalCase(id: clinicalCase.id))
      }
    }
    for entry in course.glossary {
      cite(entry.source, by: .glossary(term: entry.term))
    }
    return
      citations
      .map {
        let paper = catalog[$0.key]
        return (
          key: SearchText.fold($0.key),
          entry: SourceEntry(
            reference: $0.key, citations: $0.value, full: paper?.full, link: paper?.link)
        )
      }
      .sorted { ($0.key, $0.entry.reference) < ($1.key, $1.entry.reference) }
      .map(\.entry)
  }

  /// The references named by one `source`: split, trimmed, spaces collapsed, empty ones
  /// dropped.
  static func references(in source: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    var characters = source.makeIterator()
    var next = characters.next()
    while let character = next {
      next = characters.next()
      switch character {
      case "(": depth += 1
      case ")": depth = max(0, depth - 1)
      case ";" where depth == 0 && (next?.isWhitespace ?? true):
        parts.append(current)
        current = ""
        continue
      default: break
      }
      current.append(character)
    }
    parts.append(current)
    return parts.map(normalised).filter { !$0.isEmpty }
  }

  /// `text` trimmed, with every run of white space made one space.
  static func normalised(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
