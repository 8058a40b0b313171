import Yams

/// What a references file yields: its entries when the file is sound, every problem
/// otherwise, and each `cite` with where it was written.
struct DecodedReferences: Sendable {
  /// The path as shown in messages.
  var file: String
  /// Nil whenever `diagnostics` is not empty.
  var references: [Reference]?
  var diagnostics: [Diagnostic]
  /// Every `cite` that could be read, with where it was written.
  var cites: [Located<String>] = []
}

/// Turns `references.yaml` (in the course folder) into the course's reference list, checked
/// against its format (`Lessons/README.md`): a pure function of the file's text and name.
enum ReferenceDecoder {
  /// The file names, in a course folder, that hold the references rather than a lesson.
  static let fileNames: Set<String> = ["references.yaml", "references.yml"]
  static let entryKeys = ["cite", "full", "link"]

  /// Whether `file` (`DIR/name.yaml`) is a references file by its name.
  static func isReferences(_ file: String) -> Bool {
    fileNames.contains(String(file.split(separator: "/").last ?? ""))
  }

  /// Parses and checks `yaml`, naming `file` in every diagnostic.
  static func decode(yaml: String, file: String) -> DecodedReferences {
    var log = DiagnosticLog(file: file)
    var decoded = DecodedReferences(file: file, references: nil, diagnostics: [])
    do {
      if let root = try Yams.compose(yaml: yaml),
        let record = RecordReader(
          root, kind: "references file", name: "the references file", keys: ["references"],
          log: &log),
        let items = record.list("references", nonEmpty: true, log: &log)
      {
        let references = items.enumerated().map { index, node in
          decodeEntry(node, number: index + 1, into: &decoded, log: &log)
        }
        decoded.references = log.entries.isEmpty ? references.allPresent() : nil
      } else if log.entries.isEmpty {
        log.report("the references file is empty; expected a 'references' list", line: 1, column: 1)
      }
    } catch {
      let problem = YAMLSyntax.describe(error, in: yaml)
      log.report(problem.message, line: problem.line, column: problem.column)
    }
    decoded.diagnostics = log.entries
    return decoded
  }

  private static func decodeEntry(
    _ node: Node, number: Int, into decoded: inout DecodedReferences, log: inout DiagnosticLog
  ) -> Reference? {
    guard
      let record = RecordReader(
        node, kind: "reference", name: "reference \(number)", keys: entryKeys, log: &log)
    else { return nil }
    let cite = record.text("cite", log: &log)
    if let cite, let place = record.optionalNode("cite") {
      if cite.contains(";") || cite.hasSuffix(")") {
        log.report(
          "'cite' must not contain ';' nor end with a parenthesis: sources add locators in "
            + "parentheses and separate references with '; '", at: place.mark)
      }
      decoded.cites.append(Located(cite, file: log.file, mark: place.mark))
    }
    let full = record.text("full", log: &log)
    let link = record.optionalNode("link").map { record.text(of: $0, key: "link", log: &log) }
    guard let cite, let full, link != .some(nil) else { return nil }
    return Reference(cite: cite, full: full, link: link.flatMap { $0 })
  }
}
