import Clinical
import Identifiers
import Yams

/// What one case file yields: the case when the file is sound, every problem otherwise, and
/// the id the course-wide checks compare.
struct DecodedCase: Sendable {
  /// The path as shown in messages.
  var file: String
  /// Nil whenever `diagnostics` is not empty: a half-read case is never handed on.
  var clinicalCase: ClinicalCase?
  var diagnostics: [Diagnostic]
  var id: Located<String>?
  /// Every `source` text, with where it was written.
  var sources: [Located<String>] = []

  /// A file that could not be decoded at all, with one problem at its start.
  static func failed(file: String, _ message: String) -> DecodedCase {
    DecodedCase(
      file: file, clinicalCase: nil,
      diagnostics: [Diagnostic(file: file, line: 1, column: 1, message: message)], id: nil)
  }
}

/// Turns the text of one case file into a `ClinicalCase`, checking it against the case file
/// format (`Lessons/README.md`) and every step against the clinical engine.
///
/// A pure function of the file's text and name, like `LessonDecoder`.
enum CaseDecoder {
  static let caseKeys = ["id", "title", "tags", "source", "facts", "stages"]

  /// Parses and checks `yaml`, naming `file` in every diagnostic, in reading order.
  static func decode(yaml: String, file: String) -> DecodedCase {
    var log = DiagnosticLog(file: file)
    var decoded = DecodedCase(file: file, clinicalCase: nil, diagnostics: [], id: nil)
    do {
      if let root = try Yams.compose(yaml: yaml) {
        if let problem = YAMLLimits.problem(in: root) {
          log.report(problem, line: 1, column: 1)
        } else {
          let clinicalCase = decodeCase(root, into: &decoded, log: &log)
          decoded.clinicalCase = log.entries.isEmpty ? clinicalCase : nil
        }
      } else {
        log.report("the file is empty; expected a case", at: nil)
      }
    } catch {
      let problem = YAMLSyntax.describe(error, in: yaml)
      log.report(problem.message, line: problem.line, column: problem.column)
    }
    // Facts are checked stage by stage, after the steps before them: sort for the reader.
    decoded.diagnostics = log.entries.sorted(by: Diagnostic.inReadingOrder)
    decoded.sources = log.sources
    return decoded
  }

  private static func decodeCase(
    _ root: Node, into decoded: inout DecodedCase, log: inout DiagnosticLog
  ) -> ClinicalCase? {
    guard case .mapping = root else {
      log.report("the top level must be a mapping of case keys", at: root.mark)
      return nil
    }
    let idNode = root.mapping?["id"]
    let name = root.mapping?.label("id").map { "case '\($0)'" } ?? "case"
    guard let record = RecordReader(root, kind: "case", name: name, keys: caseKeys, log: &log)
    else { return nil }

    let id = record.text("id", log: &log).flatMap {
      Identifier.check($0, what: "case id", at: idNode?.mark, log: &log)
    }
    decoded.id = id.map { Located($0, file: log.file, mark: idNode?.mark) }
    let title = record.text("title", log: &log)
    let tags =
      record.optionalNode("tags") == nil ? [] : record.texts("tags", nonEmpty: false, log: &log)
    let source = record.text("source", log: &log)
    let facts = record.node("facts", log: &log).flatMap { node -> CaseFactsYAML? in
      guard case .mapping = node else {
        log.report("'facts' must be a mapping of case facts", at: node.mark)
        return nil
      }
      return CaseFactsYAML.read(node, log: &log)
    }
    var stageDecoder = CaseStageDecoder(
      caseName: name, facts: facts, factsMark: root.keyMark("facts"))
    let stageNodes = record.list("stages", nonEmpty: true, log: &log)
    let stages = stageNodes.map { nodes in
      nodes.enumerated().map { stageDecoder.decode($1, number: $0 + 1, log: &log) }
    }
    if let stageNodes, !stageNodes.isEmpty, stageNodes.allSatisfy(hasNoSteps) {
      log.report(
        "\(name) has no steps; a case asks at least one", at: root.mapping?["stages"]?.mark)
    }

    guard let id, let title, let tags, let source, let stages = stages?.allPresent() else {
      return nil
    }
    return ClinicalCase(
      id: CaseID(id), title: title, tags: tags, source: source, stages: stages, file: log.file)
  }

  /// Whether a stage lists its steps and they are none (a missing list is reported apart).
  private static func hasNoSteps(_ stage: Node) -> Bool {
    stage.mapping?["steps"]?.sequence?.isEmpty == true
  }
}
