import Foundation
import Testing

@testable import Course

/// One broken fixture per check of the lesson format, with the exact problems it must yield.
@Suite("Lesson file checks")
struct LessonDecoderTests {
  /// A fixture in `Fixtures/broken/` and its problems as `line:column: message`.
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
    Row("syntax-error", "2:9: invalid YAML: mapping values are not allowed in this context"),
    Row("duplicate-yaml-key", "2:1: duplicate key 'title' in one mapping"),
    Row("top-level-list", "1:1: the top level must be a mapping of lesson keys"),
    Row("empty-file", "1:1: the file is empty; expected a lesson"),
    Row(
      "unknown-key",
      "12:5: unknown key 'titel' in page; expected one of: title, text, source, cloze"),
    Row("missing-key", "13:5: missing key 'source' in question 'only-question'"),
    Row(
      "missing-option-key",
      "20:9: missing key 'explanation' in option 'b' of question 'only-question'"),
    Row("order-not-integer", "3:8: 'order' must be an integer"),
    Row("order-zero", "3:8: 'order' must be a positive integer; found 0"),
    Row("pages-not-list", "8:8: 'pages' must be a list"),
    Row("page-not-mapping", "9:5: page 1 must be a mapping of keys"),
    Row("objective-not-string", "6:5: 'objectives' item 1 must be a string"),
    Row("empty-page-source", "11:13: empty 'source' in page 1"),
    // A key with nothing after the colon is YAML's null, placed just after the colon.
    Row("empty-stem", "15:10: empty 'stem' in question 'only-question'"),
    Row(
      "empty-option-explanation",
      "22:22: empty 'explanation' in option 'b' of question 'only-question'"),
    Row("empty-hint", "24:11: empty 'hint' in question 'only-question'"),
    Row("empty-objectives", "5:13: empty 'objectives' in lesson 'minimal'"),
    Row("empty-pages", "8:8: empty 'pages' in lesson 'minimal'"),
    Row("bad-lesson-id", "1:5: lesson id 'Grading' must use a-z, 0-9 and '-'"),
    Row("bad-question-id", "13:9: question id 'Only_Question' must use a-z, 0-9 and '-'"),
    // A record without a usable id is named by its position.
    Row("empty-question-id", "13:8: empty 'id' in question 1"),
    Row("empty-option-id", "20:12: empty 'id' in option 2 of question 'only-question'"),
    Row("bad-option-id", "20:13: option id 'B' must be one lower-case letter"),
    Row(
      "duplicate-option-id",
      "20:13: duplicate option id 'a' in question 'only-question'; first at line 17"),
    Row(
      "key-names-no-option",
      "23:11: key 'e' names no option of question 'only-question'; options are a, b"),
    Row("key-not-list", "23:10: 'key' must be an option id or a list of option ids"),
    Row(
      "single-two-keys",
      "23:10: question 'only-question' is single, so 'key' must name exactly one option; "
        + "it names 2"),
    Row(
      "multiple-no-key",
      "23:10: question 'only-question' is multiple, so 'key' must name at least one option"),
    Row(
      "truefalse-options",
      "17:7: question 'only-question' is truefalse, so its options must be exactly "
        + "a: True and b: False"),
    Row(
      "unknown-kind",
      "14:11: unknown kind 'singel' in question 'only-question'; "
        + "expected one of: single, multiple, truefalse"),
    Row("difficulty-range", "27:17: 'difficulty' must be 1, 2 or 3; found 4"),
    Row(
      "one-option",
      "17:7: question 'only-question' is single and needs at least 2 options; it has 1"),
    Row("cloze-empty", "12:12: empty 'cloze' in page 1"),
    Row(
      "cloze-no-deletion",
      "13:9: cloze 1 of page 1: no {{c1::…}} in the sentence; mark the key number to hide"),
    Row("cloze-unclosed", "13:9: cloze 1 of page 1: a '{{' is not closed by '}}'"),
    Row(
      "cloze-malformed",
      "13:9: cloze 1 of page 1: '{{3 to 20 %}}' is not {{cN::answer}} or "
        + "{{cN::answer::hint}} (N from 1)"),
    // The first sentence restates its page; the second changes its number.
    Row(
      "cloze-not-in-page",
      "14:9: cloze 2 of page 1: '2 to 20 %' is not in the page's text; "
        + "a cloze restates its page"),
    Row(
      "many-problems",
      "3:8: 'order' must be an integer",
      "12:5: unknown key 'titel' in page; expected one of: title, text, source, cloze",
      "28:17: 'difficulty' must be 1, 2 or 3; found 9"),
  ]

  @Test("a broken file yields exactly its problems", arguments: rows)
  func brokenFixture(_ row: Row) {
    let path = Fixtures.file("broken", row.fixture + ".yaml")
    let decoded = CourseScanner.read(file: path)
    #expect(decoded.diagnostics.map(\.description) == row.expected.map { "\(path):\($0)" })
    #expect(decoded.lesson == nil)
  }

  @Test("every check has a fixture and every fixture a row")
  func everyFixtureIsCovered() throws {
    let files = try CourseScanner.lessonFiles(in: Fixtures.folder("broken"))
    let names = files.map { ($0 as NSString).lastPathComponent.replacing(".yaml", with: "") }
    #expect(names.sorted() == Self.rows.map(\.fixture).sorted())
  }
}
