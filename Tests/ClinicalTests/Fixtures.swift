import Clinical
import Foundation

/// A change to the baseline case, named for the test report.
struct Change: Sendable, CustomStringConvertible {
  var description: String
  var apply: @Sendable (inout CaseFacts) -> Void

  init(_ description: String, _ apply: @escaping @Sendable (inout CaseFacts) -> Void) {
    self.description = description
    self.apply = apply
  }
}

enum Fixtures {
  /// A transplant-eligible, completely resectable case: every Milan criterion holds (D6).
  static let baseline = CaseFacts(
    id: "baseline", age: 50,
    primary: .init(site: .ileum, sizeCm: 0.8, extent: .mucosaSubmucosa, status: .resected),
    nodes: .n1, pathology: .init(differentiation: .well, ki67: 5, mitoses: 1),
    liver: .init(pattern: .single, involvementPercent: 30, resectability: .complete),
    extrahepatic: .none, sstr: .positive, syndrome: false, progressive: false,
    fitForSurgery: true, stableMonths: 12, contraindications: [])

  static func facts(_ changes: [Change]) -> CaseFacts {
    var facts = baseline
    for change in changes { change.apply(&facts) }
    return facts
  }

  static func facts(_ change: (inout CaseFacts) -> Void) -> CaseFacts {
    var facts = baseline
    change(&facts)
    return facts
  }

  /// The baseline as a decoded JSON document, for the parser.
  static func document() -> [String: Any] {
    [
      "id": "baseline", "age": 50,
      "primary": [
        "site": "ileum", "sizeCm": 0.8, "extent": "mucosa_submucosa", "status": "resected",
      ],
      "nodes": "N1",
      "pathology": ["differentiation": "well", "ki67": 5, "mitoses": 1],
      "liver": ["pattern": "single", "involvementPercent": 30, "resectability": "complete"],
      "extrahepatic": "none", "sstr": "positive", "syndrome": false, "progressive": false,
      "fitForSurgery": true, "stableMonths": 12, "contraindications": [String](),
    ]
  }

  /// Case facts written back as a document with the keys of section 1.
  static func document(of facts: CaseFacts) -> [String: Any] {
    var primary: [String: Any] = [
      "site": facts.primary.site.rawValue, "status": facts.primary.status.rawValue,
    ]
    primary["sizeCm"] = facts.primary.sizeCm
    primary["extent"] = facts.primary.extent?.rawValue
    var pathology: [String: Any] = ["differentiation": facts.pathology.differentiation.rawValue]
    pathology["ki67"] = facts.pathology.ki67
    pathology["mitoses"] = facts.pathology.mitoses
    var document: [String: Any] = [
      "age": facts.age, "primary": primary, "nodes": facts.nodes.rawValue,
      "pathology": pathology, "extrahepatic": facts.extrahepatic.rawValue,
      "sstr": facts.sstr.rawValue, "syndrome": facts.syndrome, "progressive": facts.progressive,
      "fitForSurgery": facts.fitForSurgery,
      "contraindications": facts.contraindications.map(\.rawValue),
    ]
    if let liver = facts.liver {
      document["liver"] = [
        "pattern": liver.pattern.rawValue, "involvementPercent": liver.involvementPercent,
        "resectability": liver.resectability.rawValue,
      ]
    } else {
      document["liver"] = NSNull()
    }
    document["id"] = facts.id
    document["stableMonths"] = facts.stableMonths
    // Written only when true half the time, so that both a missing key and an explicit false
    // are read.
    if facts.onSSA || facts.age % 2 == 0 { document["onSSA"] = facts.onSSA }
    return document
  }

  /// JSON text for a document, as a file would hold it.
  static func json(_ document: Any) -> Data {
    (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data()
  }
}
