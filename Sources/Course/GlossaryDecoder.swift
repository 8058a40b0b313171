import Yams

/// What a glossary file yields: its entries when the file is sound, every problem otherwise,
/// and the terms and `see` references the course-wide checks compare.
struct DecodedGlossary: Sendable {
  /// The path as shown in messages.
  var file: String
  /// Nil whenever `diagnostics` is not empty: a half-read glossary is never handed on.
  var entries: [GlossaryEntry]?
  var diagnostics: [Diagnostic]
  /// Every term that could be read, with where it was written.
  var terms: [Located<String>] = []
  /// Every `see` item that could be read, with where it was written.
  var references: [Located<String>] = []
  /// Every `source` text, with where it was written.
  var sources: [Located<String>] = []

  /// A file that could not be decoded at all, with one problem at its start.
  static func failed(file: String, _ message: String) -> DecodedGlossary {
    DecodedGlossary(
      file: file, entries: nil,
      diagnostics: [Diagnostic(file: file, line: 1, column: 1, message: message)])
  }
}

/// Turns the text of a glossary file (`glossary.yaml` in the course folder) into entries,
/// checking it against the glossary format (`Lessons/README.md`).
///
/// A pure function of the file's text and name, like `LessonDecoder`; terms used twice and
/// `see` items that name no term are left to `GlossaryChecks`, which sees every glossary file.
enum GlossaryDecoder {
  /// The file names, in a course folder, that hold the glossary rather than a lesson.
  static let fileNames: Set<String> = ["glossary.yaml", "glossary.yml"]
  static let rootKeys = ["terms"]
  static let entryKeys = ["term", "expansion", "definition", "see", "source"]

  /// Whether `file` (`DIR/name.yaml`) is a glossary file by its name.
  static func isGlossary(_ file: String) -> Bool {
    fileNames.contains(String(file.split(separator: "/").last ?? ""))
  }

  /// Parses and checks `yaml`, naming `file` in every diagnostic.
  static func decode(yaml: String, file: String) -> DecodedGlossary {
    var log = DiagnosticLog(file: file)
    var decoded = DecodedGlossary(file: file, entries: nil, diagnostics: [])
    do {
      if let root = try Yams.compose(yaml: yaml) {
        if let problem = YAMLLimits.problem(in: root) {
          log.report(problem, line: 1, column: 1)
        } else {
          let entries = decodeRoot(root, into: &decoded, log: &log)
          decoded.entries = log.entries.isEmpty ? entries : nil
        }
      } else {
        log.report("the file is empty; expected a glossary with 'terms'", at: nil)
      }
    } catch {
      let problem = YAMLSyntax.describe(error, in: yaml)
      log.report(problem.message, line: problem.line, column: problem.column)
    }
    decoded.diagnostics = log.entries
    decoded.sources = log.sources
    return decoded
  }

  private static func decodeRoot(
    _ root: Node, into decoded: inout DecodedGlossary, log: inout DiagnosticLog
  ) -> [GlossaryEntry]? {
    guard case .mapping = root else {
      log.report("the top level must be a mapping with the key 'terms'", at: root.mark)
      return nil
    }
    guard
      let record = RecordReader(
        root, kind: "glossary", name: "glossary", keys: rootKeys, log: &log),
      let nodes = record.list("terms", nonEmpty: true, log: &log)
    else { return nil }
    return nodes.enumerated().map { index, node in
      decodeEntry(node, number: index + 1, into: &decoded, log: &log)
    }.allPresent()
  }

  private static func decodeEntry(
    _ node: Node, number: Int, into decoded: inout DecodedGlossary, log: inout DiagnosticLog
  ) -> GlossaryEntry? {
    let name = node.mapping?.label("term").map { "term '\($0)'" } ?? "term \(number)"
    guard
      let record = RecordReader(node, kind: "term", name: name, keys: entryKeys, log: &log)
    else { return nil }
    let term = record.text("term", log: &log)
    if let term {
      decoded.terms.append(Located(term, file: log.file, mark: record.optionalNode("term")?.mark))
    }
    let expansion = record.text("expansion", log: &log)
    let definition = record.text("definition", log: &log)
    let see =
      record.optionalNode("see") == nil ? [] : record.texts("see", nonEmpty: true, log: &log)
    if let items = record.optionalNode("see")?.sequence, let see, see.count == items.count {
      for (text, item) in zip(see, items) {
        decoded.references.append(Located(text, file: log.file, mark: item.mark))
      }
    }
    let source = record.optionalNode("source").map { record.text(of: $0, key: "source", log: &log) }
    guard let term, let expansion, let definition, let see, source != .some(nil) else {
      return nil
    }
    return GlossaryEntry(
      term: term, expansion: expansion, definition: definition, see: see,
      source: source.flatMap { $0 })
  }
}
