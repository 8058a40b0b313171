import Foundation

/// The one table of clinical words for what the engine and the case files name by id: fact
/// values (`muscularis_propria`), facts (`pathology.mitoses 8`), the kinds of case step
/// (`transplant_eligible`) and the rule codes that begin trace lines (`D7:`).
///
/// A learner reads only these words: the ids stay in the files, the JSON and `nelm solve`,
/// where the engine's readers want them. Every screen of the shell that shows a fact, a step
/// kind or a trace line passes through here; a test reads every authored and generated case
/// and every e2e transcript for an id that slipped past.
public enum ClinicalWords {
  /// A fact value as a clinician says it; a value with no entry is returned as it is (a
  /// plain word such as `jejunum` or `positive` already is one).
  public static func value(_ raw: String) -> String {
    values[raw] ?? raw
  }

  private static let values: [String: String] = [
    // Primary extent (T).
    "confined": "confined to the organ",
    "duodenum_or_bile_duct": "invading the duodenum or the bile duct",
    "adjacent_organs_or_vessels": "invading adjacent organs or large vessels",
    "mucosa_submucosa": "confined to the mucosa or submucosa",
    "muscularis_propria": "invading the muscularis propria",
    "subserosa": "invading the subserosa",
    "serosa_or_adjacent_organs": "through the serosa or into adjacent organs",
    // Primary status.
    "in_situ": "still in place",
    "resected": "resected",
    // Liver pattern and resectability.
    "single": "a single metastasis",
    "dominant_with_satellites": "a dominant metastasis with satellites",
    "disseminated": "disseminated metastases in both lobes",
    "complete": "completely resectable",
    "two_stage": "resectable in two stages",
    "debulkable": "at least 90 % removable (debulking)",
    // Contraindications.
    "portal_vein_thrombosis": "portal vein thrombosis",
    "liver_failure": "liver failure",
    "bilioenteric_anastomosis": "a bilioenteric anastomosis",
  ]

  /// One changed fact of a "what if", in words: `pathology.mitoses` and `8` become
  /// "8 mitoses per 10 HPF"; `onSSA` and `false` "no somatostatin analogue so far".
  public static func fact(_ path: String, _ value: String) -> String {
    let yes = value == "true"
    switch path {
    case "age": return "age \(value)"
    case "pathology.ki67": return "Ki-67 \(value) %"
    case "pathology.mitoses": return "\(value) mitoses per 10 HPF"
    case "pathology.differentiation":
      switch value {
      case "well": return "well differentiated"
      case "poor": return "poorly differentiated"
      default: return "differentiation unknown"
      }
    case "primary": return value == "none" ? "no primary found" : "primary \(value)"
    case "primary.site":
      return value == "unknown" ? "primary site unknown" : "the primary in the \(value)"
    case "primary.sizeCm": return "a primary of \(value) cm"
    case "primary.extent": return "the primary \(Self.value(value))"
    case "primary.status": return "the primary \(Self.value(value))"
    case "nodes": return "nodes \(value)"
    case "liver": return value == "none" ? "no liver metastases" : "liver \(value)"
    case "liver.pattern": return Self.value(value)
    case "liver.involvementPercent": return "\(value) % of the liver involved"
    case "liver.resectability":
      return value == "none" ? "nothing in the liver resectable" : Self.value(value)
    case "extrahepatic":
      switch value {
      case "none": return "no disease outside the liver"
      case "resectable": return "resectable disease outside the liver"
      case "unresectable": return "unresectable disease outside the liver"
      default: return "disease outside the liver not yet known"
      }
    case "sstr":
      return value == "unknown"
        ? "somatostatin-receptor status unknown" : "somatostatin receptors \(value)"
    case "syndrome": return yes ? "a hormonal syndrome" : "no hormonal syndrome"
    case "progressive": return yes ? "progressing" : "not progressing"
    case "stableMonths": return value == "0" ? "no stable period" : "stable for \(value) months"
    case "onSSA":
      return yes ? "already on a somatostatin analogue" : "no somatostatin analogue so far"
    case "fitForSurgery": return yes ? "fit for major surgery" : "unfit for major surgery"
    case "contraindications":
      return value == "none"
        ? "no contraindication to liver-directed treatment"
        : value.split(separator: ",").map {
          Self.value($0.trimmingCharacters(in: .whitespaces))
        }.joined(separator: ", ")
    default: return "\(path) \(value)"
    }
  }

  /// The kind of a case step (`transplant_eligible`) or a topic tag (`sstr_imaging`, `prrt`)
  /// as a heading a learner reads; a tag with no entry has its `_` and `-` read as spaces.
  public static func stepKind(_ raw: String) -> String {
    stepKinds[raw]
      ?? raw.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
  }

  private static let stepKinds: [String: String] = [
    "grade": "grade", "who2010": "WHO 2010 category", "t": "T category", "stage": "stage",
    "lm_type": "type of liver involvement", "transplant_eligible": "transplant candidacy",
    "milan_failures": "Milan criteria failed", "sstr_imaging": "receptor imaging",
    "next_step": "next step", "treatment": "treatment", "adjuncts": "what goes with it",
    "what_if": "what if",
    // Topic tags of the lessons that are abbreviations, written as clinicians write them.
    "prrt": "PRRT", "sirt": "SIRT", "tace": "TACE", "ssa": "somatostatin analogues",
  ]

  /// A trace line as a learner reads it: without the code of the rule that wrote it (`D7: `,
  /// `N2: `, `N1, `), which names the engine's reconstruction, not anything in the review.
  public static func learnerText(_ line: TraceLine) -> String {
    learnerText(line.text)
  }

  /// `text` without a leading rule code such as `D7: `, `D2a: ` or `N1, `.
  public static func learnerText(_ text: String) -> String {
    guard let end = text.firstIndex(where: { $0 == ":" || $0 == "," }) else { return text }
    let code = text[..<end]
    guard code.count <= 4, let first = code.first, "DNS".contains(first),
      code.dropFirst().first?.isNumber == true,
      code.dropFirst().allSatisfy({ $0.isNumber || $0.isLowercase })
    else { return text }
    return String(text[text.index(after: end)...].drop { $0 == " " })
  }
}
