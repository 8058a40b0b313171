import Yams

/// What one lesson file yields: the lesson when the file is sound, every problem otherwise,
/// and the ids the course-wide checks compare.
struct DecodedLesson: Sendable {
  /// The path as shown in messages.
  var file: String
  /// Nil whenever `diagnostics` is not empty: a half-read lesson is never handed on.
  var lesson: Lesson?
  var diagnostics: [Diagnostic]
  /// The lesson's id and order, and its questions' ids, where they could be read.
  var id: Located<String>?
  var order: Located<Int>?
  var questionIDs: [Located<String>]
  /// Every `source` text, with where it was written.
  var sources: [Located<String>] = []
}

/// Turns the text of one lesson file into a `Lesson`, checking it against the lesson format
/// (`Lessons/README.md`).
///
/// A pure function of the file's text and name, so its results can be cached by content.
enum LessonDecoder {
  static let lessonKeys = [
    "id", "title", "order", "summary", "objectives", "source", "pages", "questions",
  ]
  static let pageKeys = ["title", "text", "source", "cloze"]

  /// Parses and checks `yaml`, naming `file` in every diagnostic.
  static func decode(yaml: String, file: String) -> DecodedLesson {
    var log = DiagnosticLog(file: file)
    var decoded = DecodedLesson(
      file: file, lesson: nil, diagnostics: [], id: nil, order: nil, questionIDs: [])
    do {
      if let root = try Yams.compose(yaml: yaml) {
        if let problem = YAMLLimits.problem(in: root) {
          log.report(problem, line: 1, column: 1)
        } else {
          let lesson = decodeLesson(root, into: &decoded, log: &log)
          decoded.lesson = log.entries.isEmpty ? lesson : nil
        }
      } else {
        log.report("the file is empty; expected a lesson", at: nil)
      }
    } catch {
      let problem = YAMLSyntax.describe(error, in: yaml)
      log.report(problem.message, line: problem.line, column: problem.column)
    }
    decoded.diagnostics = log.entries
    decoded.sources = log.sources
    return decoded
  }

  private static func decodeLesson(
    _ root: Node, into decoded: inout DecodedLesson, log: inout DiagnosticLog
  ) -> Lesson? {
    guard case .mapping = root else {
      log.report("the top level must be a mapping of lesson keys", at: root.mark)
      return nil
    }
    // The id goes first so that later messages can name the lesson.
    let idNode = root.mapping?["id"]
    let named = root.mapping?.label("id").map { "lesson '\($0)'" } ?? "lesson"
    guard let record = RecordReader(root, kind: "lesson", name: named, keys: lessonKeys, log: &log)
    else { return nil }

    let id = record.text("id", log: &log).flatMap {
      Identifier.check($0, what: "lesson id", at: idNode?.mark, log: &log)
    }
    decoded.id = id.map { Located($0, file: log.file, mark: idNode?.mark) }
    let title = record.text("title", log: &log)
    let order = record.integer("order", log: &log).flatMap { order -> Int? in
      guard order.value > 0 else {
        log.report("'order' must be a positive integer; found \(order.value)", at: order.mark)
        return nil
      }
      decoded.order = Located(order.value, file: log.file, mark: order.mark)
      return order.value
    }
    let summary = record.text("summary", log: &log)
    let objectives = record.texts("objectives", nonEmpty: true, log: &log)
    let source = record.text("source", log: &log)
    let pages = record.list("pages", nonEmpty: true, log: &log).map { nodes in
      nodes.enumerated().map { decodePage($1, number: $0 + 1, log: &log) }
    }
    let questions = record.list("questions", nonEmpty: false, log: &log).map { nodes in
      nodes.enumerated().map { index, node in
        QuestionDecoder.decode(node, number: index + 1, into: &decoded, log: &log)
      }
    }

    guard let id, let title, let order, let summary, let objectives, let source,
      let pages = pages?.allPresent(), let questions = questions?.allPresent()
    else { return nil }
    return Lesson(
      id: id, title: title, order: order, summary: summary, objectives: objectives,
      source: source, pages: pages, questions: questions, file: log.file)
  }

  private static func decodePage(_ node: Node, number: Int, log: inout DiagnosticLog) -> Page? {
    guard
      let record = RecordReader(
        node, kind: "page", name: "page \(number)", keys: pageKeys, log: &log)
    else { return nil }
    let title = record.text("title", log: &log)
    let text = record.text("text", log: &log)
    let source = record.text("source", log: &log)
    var cloze: [String]? = []
    if let node = record.optionalNode("cloze") {
      cloze = record.texts("cloze", nonEmpty: true, log: &log)
      if let sentences = cloze, let text, case .sequence(let items) = node {
        // Each sentence's problems are reported where it is written, and keep the lesson out.
        for (index, (sentence, item)) in zip(sentences, items).enumerated() {
          for problem in ClozeSentence.problems(in: sentence, pageText: text) {
            log.report("cloze \(index + 1) of page \(number): \(problem)", at: item.mark)
            cloze = nil
          }
        }
      }
    }
    guard let title, let text, let source, let cloze else { return nil }
    return Page(title: title, text: text, source: source, cloze: cloze)
  }
}

extension Array {
  /// The unwrapped elements when none is nil: a list is usable only if every item was.
  func allPresent<Wrapped>() -> [Wrapped]? where Element == Wrapped? {
    var result: [Wrapped] = []
    for element in self {
      guard let element else { return nil }
      result.append(element)
    }
    return result
  }
}
