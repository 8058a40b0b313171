import Clinical
import Foundation
import Testing

/// One edit to the baseline document and the problem the contract says it must produce.
struct ParserRow: Sendable, CustomTestStringConvertible {
  /// `key` or `parent.key`.
  var key: String
  /// The new value as JSON text, or `nil` to remove the key.
  var json: String?
  var path: String
  var message: String

  var testDescription: String { "\(key) = \(json ?? "(removed)")" }

  init(_ key: String, _ json: String?, at path: String? = nil, _ message: String) {
    self.key = key
    self.json = json
    self.path = path ?? key
    self.message = message
  }
}

enum ParserHelp {
  static func edited(_ edits: [(String, String?)], document: [String: Any] = Fixtures.document())
    -> [String: Any]
  {
    var document = document
    for (key, json) in edits {
      let value = json.flatMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8), options: [.fragmentsAllowed])
      }
      let parts = key.split(separator: ".").map(String.init)
      if parts.count == 1 {
        document[parts[0]] = value
      } else {
        var inner = document[parts[0]] as? [String: Any] ?? [:]
        inner[parts[1]] = value
        document[parts[0]] = inner
      }
    }
    return document
  }

  /// Problems of a document, parsed from its JSON text as a file would be.
  static func problems(_ document: [String: Any]) -> [CaseFactsProblem] {
    switch CaseFactsParser.parse(json: Fixtures.json(document)) {
    case .success: return []
    case .failure(let errors): return errors.problems
    }
  }
}

@Suite("Case facts parser")
struct ParserTests {
  @Test("the baseline document parses to the baseline facts")
  func baseline() throws {
    let facts = try CaseFactsParser.parse(json: Fixtures.json(Fixtures.document())).get()
    #expect(facts == Fixtures.baseline)
    let native = try CaseFactsParser.parse(object: Fixtures.document()).get()
    #expect(native == Fixtures.baseline)
  }

  @Test("a minimal document: optional keys absent mean unknown or none")
  func minimal() throws {
    let text = """
      {"age": 40, "primary": {"site": "unknown", "status": "unknown"}, "nodes": "NX",
       "pathology": {"differentiation": "unknown"}, "liver": null, "extrahepatic": "none",
       "sstr": "unknown", "syndrome": false, "progressive": false, "fitForSurgery": true}
      """
    let facts = try CaseFactsParser.parse(json: Data(text.utf8)).get()
    #expect(facts.id == nil)
    #expect(facts.liver == nil)
    #expect(facts.primary.sizeCm == nil && facts.primary.extent == nil)
    #expect(facts.pathology.ki67 == nil && facts.pathology.mitoses == nil)
    #expect(facts.stableMonths == nil)
    #expect(facts.contraindications.isEmpty)
    #expect(facts.onSSA == false)
  }

  @Test(
    "accepted boundary values",
    arguments: [
      [("age", "0")], [("age", "120")], [("age", "40.0")], [("pathology.ki67", "0")],
      [("pathology.ki67", "100")], [("pathology.mitoses", "0")], [("primary.sizeCm", "0.1")],
      [
        (
          "liver",
          "{\"pattern\": \"disseminated\", \"involvementPercent\": 100, \"resectability\": \"debulkable\"}"
        )
      ],
      [
        (
          "liver",
          "{\"pattern\": \"disseminated\", \"involvementPercent\": 0.5, \"resectability\": \"none\"}"
        )
      ],
      [("stableMonths", "0")], [("progressive", "true"), ("stableMonths", "5.9")],
      [("onSSA", "true")], [("onSSA", "false")], [("onSSA", nil)],
      [("primary", "{\"site\": \"unknown\", \"status\": \"unknown\"}")],
      [("primary", "{\"site\": \"pancreas\", \"extent\": \"confined\", \"status\": \"in_situ\"}")],
      [
        (
          "primary",
          "{\"site\": \"jejunum\", \"extent\": \"serosa_or_adjacent_organs\", \"status\": \"resected\"}"
        )
      ],
      [
        (
          "contraindications",
          "[\"portal_vein_thrombosis\", \"liver_failure\", \"bilioenteric_anastomosis\"]"
        )
      ],
    ] as [[(String, String?)]])
  func accepted(edits: [(String, String?)]) {
    #expect(ParserHelp.problems(ParserHelp.edited(edits)) == [])
  }

  static let rows: [ParserRow] = [
    // Unknown keys, at every level.
    ParserRow(
      "colour", "\"red\"",
      "unknown key; allowed: id, age, primary, nodes, pathology, liver, extrahepatic, sstr, "
        + "syndrome, progressive, fitForSurgery, stableMonths, onSSA, contraindications"),
    ParserRow("onssa", "true", "unknown key; allowed: id, age, primary"),
    ParserRow("primary.colour", "1", "unknown key; allowed: site, sizeCm, extent, status"),
    ParserRow("pathology.grade", "\"G2\"", "unknown key; allowed: differentiation, ki67, mitoses"),
    ParserRow(
      "liver.type", "\"I\"", "unknown key; allowed: pattern, involvementPercent, resectability"),
    // Required keys.
    ParserRow("age", nil, "required key is missing"),
    ParserRow("primary", nil, "required key is missing"),
    ParserRow("primary.site", nil, "required key is missing"),
    ParserRow("primary.status", nil, "required key is missing"),
    ParserRow("nodes", nil, "required key is missing"),
    ParserRow("pathology", nil, "required key is missing"),
    ParserRow("pathology.differentiation", nil, "required key is missing"),
    ParserRow("liver", nil, "required key is missing"),
    ParserRow("liver.pattern", nil, "required key is missing"),
    ParserRow("liver.involvementPercent", nil, "required key is missing"),
    ParserRow("liver.resectability", nil, "required key is missing"),
    ParserRow("extrahepatic", nil, "required key is missing"),
    ParserRow("sstr", nil, "required key is missing"),
    ParserRow("syndrome", nil, "required key is missing"),
    ParserRow("progressive", nil, "required key is missing"),
    ParserRow("fitForSurgery", nil, "required key is missing"),
    // Wrong types, booleans and numbers told apart.
    ParserRow("id", "5", "must be a string; got a number (5)"),
    ParserRow("age", "\"40\"", "must be a whole number; got a string ('40')"),
    ParserRow("age", "true", "must be a whole number; got a boolean (true)"),
    ParserRow("age", "null", "must be a whole number; got null"),
    ParserRow("syndrome", "1", "must be a boolean (true or false); got a number (1)"),
    ParserRow("progressive", "0", "must be a boolean (true or false); got a number (0)"),
    ParserRow(
      "fitForSurgery", "\"yes\"", "must be a boolean (true or false); got a string ('yes')"),
    ParserRow("nodes", "true", "must be a string; got a boolean (true)"),
    ParserRow("primary", "\"ileum\"", "must be an object; got a string ('ileum')"),
    ParserRow("pathology", "[]", "must be an object; got a list"),
    ParserRow("liver", "\"none\"", "must be an object; got a string ('none')"),
    ParserRow("liver", "false", "must be an object; got a boolean (false)"),
    ParserRow("pathology.ki67", "\"5\"", "must be a number; got a string ('5')"),
    ParserRow("pathology.ki67", "true", "must be a number; got a boolean (true)"),
    ParserRow("pathology.ki67", "null", "must be a number; got null"),
    ParserRow("primary.sizeCm", "null", "must be a number; got null"),
    ParserRow("stableMonths", "false", "must be a number; got a boolean (false)"),
    ParserRow("onSSA", "1", "must be a boolean (true or false); got a number (1)"),
    ParserRow("onSSA", "\"yes\"", "must be a boolean (true or false); got a string ('yes')"),
    ParserRow("onSSA", "null", "must be a boolean (true or false); got null"),
    ParserRow("onSSA", "[]", "must be a boolean (true or false); got a list"),
    ParserRow("liver.involvementPercent", "\"30\"", "must be a number; got a string ('30')"),
    ParserRow("contraindications", "\"liver_failure\"", "must be a list; got a string"),
    ParserRow(
      "contraindications", "[1]", at: "contraindications[0]", "must be a string; got a number (1)"),
    ParserRow("primary.site", "3", "must be a string; got a number (3)"),
    // Out of range.
    ParserRow("age", "40.5", "must be a whole number; got 40.5"),
    ParserRow("age", "-1", "-1 is out of range; allowed: 0–120"),
    ParserRow("age", "121", "121 is out of range; allowed: 0–120"),
    ParserRow("primary.sizeCm", "0", "0 is out of range; allowed: > 0"),
    ParserRow("primary.sizeCm", "-2", "-2 is out of range; allowed: > 0"),
    ParserRow("pathology.ki67", "-0.5", "-0.5 is out of range; allowed: 0–100"),
    ParserRow("pathology.ki67", "100.5", "100.5 is out of range; allowed: 0–100"),
    ParserRow("pathology.mitoses", "-1", "-1 is out of range; allowed: ≥ 0"),
    ParserRow("liver.involvementPercent", "0", "0 is out of range; allowed: > 0 and ≤ 100"),
    ParserRow("liver.involvementPercent", "100.1", "100.1 is out of range; allowed: > 0 and ≤ 100"),
    ParserRow("stableMonths", "-1", "-1 is out of range; allowed: ≥ 0"),
    // Values not in the list.
    ParserRow(
      "primary.site", "\"liver\"",
      "'liver' is not allowed; allowed: pancreas, stomach, duodenum, jejunum, ileum, appendix, colon, rectum, unknown"
    ),
    ParserRow(
      "primary.status", "\"removed\"",
      "'removed' is not allowed; allowed: in_situ, resected, unknown"),
    ParserRow("nodes", "\"N2\"", "'N2' is not allowed; allowed: N0, N1, NX"),
    ParserRow(
      "pathology.differentiation", "\"moderate\"",
      "'moderate' is not allowed; allowed: well, poor, unknown"),
    ParserRow(
      "liver.pattern", "\"multiple\"",
      "'multiple' is not allowed; allowed: single, dominant_with_satellites, disseminated"),
    ParserRow(
      "liver.resectability", "\"partial\"",
      "'partial' is not allowed; allowed: complete, two_stage, debulkable, none"),
    ParserRow(
      "extrahepatic", "\"bone\"",
      "'bone' is not allowed; allowed: none, resectable, unresectable, unknown"),
    ParserRow("sstr", "\"weak\"", "'weak' is not allowed; allowed: positive, negative, unknown"),
    ParserRow(
      "contraindications", "[\"ascites\"]", at: "contraindications[0]",
      "'ascites' is not allowed; allowed: portal_vein_thrombosis, liver_failure, bilioenteric_anastomosis"
    ),
    // Extent by site.
    ParserRow(
      "primary.extent", "\"confined\"",
      "'confined' is not allowed for site ileum; allowed: mucosa_submucosa, muscularis_propria, subserosa, serosa_or_adjacent_organs"
    ),
    ParserRow(
      "primary.extent", "\"deep\"",
      "'deep' is not allowed for site ileum; allowed: mucosa_submucosa"),
  ]

  @Test("each problem is reported with its key path", arguments: rows)
  func problem(row: ParserRow) {
    let problems = ParserHelp.problems(ParserHelp.edited([(row.key, row.json)]))
    #expect(problems.count == 1, "\(problems)")
    #expect(problems.first?.path == row.path)
    #expect(problems.first?.message.hasPrefix(row.message) == true, "\(problems)")
  }

  @Test(
    "inconsistencies of section 1",
    arguments: [
      (
        [("primary", "{\"site\": \"pancreas\", \"extent\": \"serosa\", \"status\": \"resected\"}")],
        "primary.extent",
        "'serosa' is not allowed for site pancreas; allowed: confined, duodenum_or_bile_duct, adjacent_organs_or_vessels"
      ),
      (
        [
          ("primary", "{\"site\": \"stomach\", \"extent\": \"confined\", \"status\": \"resected\"}")
        ],
        "primary.extent", "site stomach has no extent"
      ),
      (
        [
          ("primary", "{\"site\": \"rectum\", \"extent\": \"subserosa\", \"status\": \"resected\"}")
        ],
        "primary.extent", "site rectum has no extent"
      ),
      (
        [("primary", "{\"site\": \"unknown\", \"status\": \"resected\"}")], "primary.status",
        "'resected' is not allowed when primary.site is unknown; allowed: unknown"
      ),
      (
        [("primary", "{\"site\": \"unknown\", \"status\": \"in_situ\"}")], "primary.status",
        "'in_situ' is not allowed when primary.site is unknown; allowed: unknown"
      ),
      (
        [("liver.pattern", "\"disseminated\""), ("liver.resectability", "\"complete\"")],
        "liver.resectability",
        "'complete' is not allowed when liver.pattern is disseminated (type III is unresectable by definition); allowed: debulkable, none"
      ),
      (
        [("liver.pattern", "\"disseminated\""), ("liver.resectability", "\"two_stage\"")],
        "liver.resectability", "'two_stage' is not allowed when liver.pattern is disseminated"
      ),
      (
        [("progressive", "true"), ("stableMonths", "6")], "stableMonths",
        "6 is not allowed when progressive is true; allowed: under 6"
      ),
      (
        [("progressive", "true"), ("stableMonths", "24")], "stableMonths",
        "24 is not allowed when progressive is true"
      ),
      (
        [
          (
            "contraindications",
            "[\"liver_failure\", \"portal_vein_thrombosis\", \"liver_failure\"]"
          )
        ],
        "contraindications[2]", "'liver_failure' is a duplicate of contraindications[0]"
      ),
    ] as [([(String, String?)], String, String)])
  func inconsistency(edits: [(String, String?)], path: String, message: String) {
    let problems = ParserHelp.problems(ParserHelp.edited(edits))
    #expect(problems.count == 1, "\(problems)")
    #expect(problems.first?.path == path)
    #expect(problems.first?.message.hasPrefix(message) == true, "\(problems)")
  }

  @Test("every problem of a document is reported, not just the first")
  func everyProblem() {
    let document = ParserHelp.edited([
      ("age", "40.5"), ("primary.extent", "\"serosa\""), ("nodes", "true"), ("pathology", nil),
      ("sstr", "\"maybe\""), ("syndrome", "1"), ("colour", "\"red\""),
    ])
    let paths = ParserHelp.problems(document).map(\.path)
    #expect(
      Set(paths) == ["age", "primary.extent", "nodes", "pathology", "sstr", "syndrome", "colour"])
    #expect(paths.count == 7)
  }

  @Test("not JSON, or not an object")
  func notAnObject() {
    for text in ["{bad", "", "[1, 2]", "\"facts\"", "42", "null"] {
      guard case .failure(let errors) = CaseFactsParser.parse(json: Data(text.utf8)) else {
        Issue.record("\(text) parsed")
        continue
      }
      #expect(errors.problems.count == 1)
      #expect(errors.problems.first?.path == "(root)")
    }
  }

  @Test("native values, as a YAML loader gives them: Bool and Int stay apart")
  func nativeValues() {
    func problems(_ edits: [String: Any]) -> [String] {
      var document = Fixtures.document()
      for (key, value) in edits { document[key] = value }
      switch CaseFactsParser.parse(object: document) {
      case .success: return []
      case .failure(let errors): return errors.problems.map(\.description)
      }
    }
    #expect(problems(["age": 40]) == [])
    #expect(problems(["age": 40.0]) == [])
    #expect(problems(["age": Int64(40)]) == [])
    #expect(problems(["age": NSNumber(value: 40)]) == [])
    #expect(problems(["age": 40.5]) == ["age: must be a whole number; got 40.5"])
    #expect(problems(["age": true]) == ["age: must be a whole number; got a boolean (true)"])
    #expect(problems(["age": NSNumber(value: true)]).first?.contains("boolean") == true)
    #expect(problems(["syndrome": 1]).first?.contains("got a number (1)") == true)
    #expect(problems(["syndrome": NSNumber(value: 1)]).first?.contains("got a number") == true)
    #expect(problems(["syndrome": NSNumber(value: true)]) == [])
    #expect(problems(["syndrome": "true"]).first?.contains("got a string") == true)
    #expect(problems(["stableMonths": Double.nan]).first?.contains("out of range") == true)
    #expect(problems(["stableMonths": Double.infinity]).first?.contains("out of range") == true)
    #expect(problems(["stableMonths": NSNull()]).first?.contains("got null") == true)
  }

  @Test("an error prints as path: message lines")
  func description() {
    let errors = CaseFactsErrors(problems: [
      CaseFactsProblem(path: "age", message: "m1"), CaseFactsProblem(path: "sstr", message: "m2"),
    ])
    #expect(errors.description == "age: m1\nsstr: m2")
  }
}
