import Clinical
import Foundation
import Testing

@testable import Course

/// One broken case fixture per check of the case format, with the exact problems it yields.
@Suite("Case file checks")
struct CaseFileCheckTests {
  /// A fixture in `Fixtures/cases-broken/` and its problems as `line:column: message`.
  struct Row: CustomTestStringConvertible, Sendable {
    let fixture: String
    let expected: [String]
    var testDescription: String { fixture }

    init(_ fixture: String, _ expected: String...) {
      self.fixture = fixture
      self.expected = expected
    }
  }

  static let kinds =
    "grade, who2010, t, stage, lm_type, transplant_eligible, milan_failures, next_step, "
    + "treatment, adjuncts"

  static let rows: [Row] = [
    Row("syntax-error", "2:16: invalid YAML: mapping values are not allowed in this context"),
    Row("top-level-list", "1:1: the top level must be a mapping of case keys"),
    Row("empty-file", "1:1: the file is empty; expected a case"),
    Row(
      "unknown-case-key",
      "2:1: unknown key 'titel' in case; expected one of: id, title, tags, source, facts, stages"),
    Row("missing-case-key", "1:1: missing key 'source' in case 'broken-case'"),
    Row(
      "unknown-stage-key",
      "17:5: unknown key 'txt' in stage; expected one of: title, text, update, steps"),
    Row(
      "unknown-step-key",
      "21:9: unknown key 'hint' in step; expected one of: id, kind, options, points, source, "
        + "change, ask"),
    Row("missing-step-kind", "19:9: missing key 'kind' in step 'grade'"),
    Row("bad-case-id", "1:5: case id 'Broken_Case' must use a-z, 0-9 and '-'"),
    Row("bad-step-id", "19:13: step id 'Grade' must use a-z, 0-9 and '-'"),
    Row(
      "duplicate-step-id",
      "21:13: duplicate step id 'grade' in case 'broken-case'; first at line 19"),
    Row(
      "unknown-step-kind",
      "20:15: unknown kind 'gradee' in step 'grade'; expected one of: \(kinds), what_if"),
    Row("what-if-missing-ask", "21:9: missing key 'ask' in step 'if-older'"),
    Row("what-if-missing-change", "21:9: missing key 'change' in step 'if-older'"),
    Row(
      "what-if-ask-what-if",
      "24:14: 'ask' of step 'if-older' cannot be what_if; expected one of: \(kinds)"),
    Row(
      "what-if-unknown-ask",
      "24:14: unknown kind 'eligible' in 'ask' of step 'if-older'; expected one of: \(kinds)"),
    Row("change-on-plain-step", "21:17: 'change' is only for what_if steps; step 'grade' is grade"),
    // Reported once, at the key, though the second stage has the same facts.
    Row(
      "invalid-facts",
      "6:37: invalid facts in stage 1: primary.extent: 'confined' is not allowed for site ileum; "
        + "allowed: mucosa_submucosa, muscularis_propria, subserosa, serosa_or_adjacent_organs"),
    Row(
      "invalid-update",
      "24:42: invalid facts in stage 2: pathology.ki67: 120 is out of range; allowed: 0–100"),
    Row(
      "update-null-optional",
      "24:7: invalid facts in stage 2: stableMonths: must be a number; got null "
        + "(leave the key out when unknown)"),
    Row(
      "invalid-change",
      "23:18: invalid facts in step 'if-older': age: must be a whole number; got 45.5"),
    Row("empty-change", "23:17: empty 'change' in step 'if-older'"),
    Row(
      "change-unknown-key",
      "24:11: invalid facts in step 'if-older': agee: unknown key; allowed: id, age, primary, "
        + "nodes, pathology, liver, extrahepatic, sstr, syndrome, progressive, fitForSurgery, "
        + "stableMonths, onSSA, contraindications"),
    // A missing key has no line of its own: it is shown at the `facts` key.
    Row("missing-fact", "4:1: invalid facts in stage 1: nodes: required key is missing"),
    Row("facts-not-mapping", "4:8: 'facts' must be a mapping of case facts"),
    Row("update-not-mapping", "23:13: 'update' must be a mapping of case facts"),
    Row(
      "grade-unknown",
      "20:15: step 'grade' asks about something the facts leave unknown: "
        + "the facts leave the grade unknown"),
    Row(
      "milan-eligible",
      "21:15: step 'failures' asks about something the facts leave unknown: "
        + "the facts leave which Milan criteria fail (the patient is eligible) unknown"),
    Row(
      "treatment-no-liver",
      "20:15: step 'best' asks about something the facts leave unknown: "
        + "the facts leave the treatment (no liver metastases: outside the algorithm) unknown"),
    Row(
      "missing-option",
      "21:18: step 'best': the options do not include the engine's answer 'resection'"),
    Row("unknown-option", "21:36: step 'best': option 'foo' is not a value of this step kind"),
    Row("duplicate-option", "21:30: option 'tace' is listed twice in step 'best'"),
    Row(
      "options-missing",
      "19:9: missing key 'options' in step 'best'; kind treatment needs the options shown"),
    Row(
      "options-on-fixed-kind",
      "21:18: step 'grade': kind grade takes no 'options'; its choices are fixed"),
    Row("empty-stage-text", "17:10: empty 'text' in stage 1"),
    Row("empty-step-source", "21:17: empty 'source' in step 'grade'"),
    Row("empty-stages", "15:9: empty 'stages' in case 'broken-case'"),
    Row("no-steps", "16:3: case 'broken-case' has no steps; a case asks at least one"),
    Row(
      "many-problems",
      "1:1: missing key 'title' in case 'broken-case'",
      "2:1: unknown key 'titel' in case; expected one of: id, title, tags, source, facts, stages",
      "21:18: step 'best': the options do not include the engine's answer 'resection'",
      "23:15: unknown kind 'gradee' in step 'grade'; expected one of: \(kinds), what_if",
      "27:38: invalid facts in stage 2: liver.resectability: 'complete' is not allowed when "
        + "liver.pattern is disseminated (type III is unresectable by definition); "
        + "allowed: debulkable, none"),
  ]

  @Test("a broken case file yields exactly its problems", arguments: rows)
  func brokenFixture(_ row: Row) {
    let path = Fixtures.file("cases-broken", row.fixture + ".yaml")
    let decoded = CourseScanner.readCase(file: path)
    #expect(decoded.diagnostics.map(\.description) == row.expected.map { "\(path):\($0)" })
    #expect(decoded.clinicalCase == nil)
  }

  @Test("every check has a fixture and every fixture a row")
  func everyFixtureIsCovered() throws {
    let files = try CourseScanner.lessonFiles(in: Fixtures.folder("cases-broken"))
    let names = files.map { ($0 as NSString).lastPathComponent.replacing(".yaml", with: "") }
    #expect(names.sorted() == Self.rows.map(\.fixture).sorted())
  }

  @Test("a case id used twice is reported at the later file, naming the first")
  func duplicateCaseIDs() throws {
    let folder = Fixtures.folder("cases-duplicates")
    let first = folder + "/cases/first.yaml"
    let second = folder + "/cases/second.yaml"
    let report = try CourseLinter.lint(directory: folder)
    #expect(
      report.diagnostics.map(\.description) == [
        "\(second):1:5: case id 'broken-case' is already used at \(first):1:5"
      ])
    #expect(throws: CourseError.invalid(report.diagnostics)) {
      try CourseLoader.load(from: folder)
    }
  }
}
