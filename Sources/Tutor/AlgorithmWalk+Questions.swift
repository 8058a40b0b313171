import Clinical

extension AlgorithmWalk {
  /// The facts of ALGORITHM.md section 1 that the decision uses, in the order v3 tries its
  /// rules: liver failure and a syndrome (D2a), histology (D1, D2), staging (D3), the grade's
  /// own rule (D2b), extrahepatic disease and fitness (D4, D5), the liver (D6–D9), and last
  /// the SSA, asked only when the answer can change the decision.
  static let questions: [FactQuestion] = [
    FactQuestion(
      path: "age", prompt: "Age in years",
      kind: .number(minimum: 0, maximum: 120, integer: true, optional: false),
      defaultValue: { _ in "50" }),
    FactQuestion(
      path: "primary.site", prompt: "Site of the primary",
      kind: .choice(PrimarySite.allCases.map(\.rawValue)), defaultValue: { _ in "ileum" }),
    FactQuestion(
      path: "primary.status", prompt: "Is the primary still in place?",
      kind: .choice(["in_situ", "resected"]), defaultValue: { _ in "in_situ" },
      isNeeded: { $0["primary.site"] != "unknown" }),
    FactQuestion(
      path: "nodes", prompt: "Regional lymph nodes", kind: .choice(["N0", "N1", "NX"]),
      defaultValue: { _ in "N1" }),
    FactQuestion(
      path: "contraindications",
      prompt: "Portal vein thrombosis, liver failure, bilioenteric anastomosis?",
      kind: .list(Contraindication.allCases.map(\.rawValue)), defaultValue: { _ in "none" }),
    FactQuestion(
      path: "syndrome", prompt: "A functional syndrome that calls for an SSA?", kind: .yesNo,
      defaultValue: { _ in "no" }),
    FactQuestion(
      path: "pathology.differentiation",
      prompt: "Differentiation on histology (US-guided FNB)",
      kind: .choice(Differentiation.allCases.map(\.rawValue)), defaultValue: { _ in "well" },
      isNeeded: { !hasLiverFailure($0) }),
    FactQuestion(
      path: "pathology.ki67", prompt: "Ki-67 index in %",
      kind: .number(minimum: 0, maximum: 100, integer: false, optional: true),
      defaultValue: { _ in "5" }, isNeeded: { isWellDifferentiated($0) }),
    FactQuestion(
      path: "pathology.mitoses", prompt: "Mitoses per 10 HPF",
      kind: .number(minimum: 0, maximum: nil, integer: false, optional: true),
      defaultValue: { _ in "unknown" }, isNeeded: { isWellDifferentiated($0) }),
    FactQuestion(
      path: "extrahepatic", prompt: "Distant disease outside the liver (EHD)",
      kind: .choice(ExtrahepaticDisease.allCases.map(\.rawValue)), defaultValue: { _ in "none" },
      isNeeded: { isWellDifferentiated($0) }),
    FactQuestion(
      path: "sstr", prompt: "Somatostatin-receptor status (SRS or 68Ga-DOTATOC PET/CT)",
      kind: .choice(SSTRStatus.allCases.map(\.rawValue)), defaultValue: { _ in "positive" },
      isNeeded: { isWellDifferentiated($0) }),
    FactQuestion(
      path: "progressive", prompt: "Progression on imaging in the last 12 months?", kind: .yesNo,
      defaultValue: { _ in "no" }, isNeeded: { isLowGrade($0) }),
    FactQuestion(
      path: "stableMonths", prompt: "Months of stable disease or response so far",
      kind: .number(minimum: 0, maximum: nil, integer: false, optional: true),
      defaultValue: { $0["progressive"] == "yes" ? "unknown" : "6" },
      isNeeded: { isLowGrade($0) }),
    FactQuestion(
      path: "fitForSurgery", prompt: "Fit for major liver surgery?", kind: .yesNo,
      defaultValue: { _ in "yes" }, isNeeded: { isWellDifferentiated($0) }),
    FactQuestion(
      path: "liver.pattern", prompt: "Pattern of the liver metastases",
      kind: .choice(LiverPattern.allCases.map(\.rawValue)), defaultValue: { _ in "single" },
      isNeeded: { isWellDifferentiated($0) }),
    FactQuestion(
      path: "liver.involvementPercent", prompt: "Share of the liver replaced by tumour, in %",
      kind: .number(minimum: 1, maximum: 100, integer: false, optional: false),
      defaultValue: { $0["liver.pattern"] == "disseminated" ? "60" : "20" },
      isNeeded: { isWellDifferentiated($0) }),
    FactQuestion(
      path: "liver.resectability", prompt: "What surgery could remove",
      kind: .choice(Resectability.allCases.map(\.rawValue)),
      defaultValue: { $0["liver.pattern"] == "disseminated" ? "none" : "complete" },
      isNeeded: { isWellDifferentiated($0) }),
    FactQuestion(
      path: "onSSA",
      prompt: "Already on a somatostatin analogue (the syndrome persists, or the disease "
        + "progressed, on it)?",
      kind: .yesNo, defaultValue: { _ in "no" }, isNeeded: { ssaChangesTheDecision($0) }),
  ]

  static func hasLiverFailure(_ answers: [String: String]) -> Bool {
    answers["contraindications"]?.contains("liver_failure") == true
  }

  /// Past D2a and D1/D2: a well-differentiated tumour (the default until answered otherwise).
  static func isWellDifferentiated(_ answers: [String: String]) -> Bool {
    !hasLiverFailure(answers) && (answers["pathology.differentiation"] ?? "well") == "well"
  }

  /// A well-differentiated tumour that is not G3: the rules that read the course of the
  /// disease (N and S). A NET G3 is decided by D2b, which does not.
  static func isLowGrade(_ answers: [String: String]) -> Bool {
    guard isWellDifferentiated(answers), case .success(let facts) = facts(from: answers) else {
      return false
    }
    return Grade.of(ki67: facts.pathology.ki67, mitoses: facts.pathology.mitoses) != .g3
  }

  /// Whether the answer to "already on an SSA?" changes the decision, everything else as
  /// answered (or defaulted): it does only in N1/S1 against the later branches, and for a
  /// syndrome refractory to SSAs.
  static func ssaChangesTheDecision(_ answers: [String: String]) -> Bool {
    func decision(_ onSSA: String) -> Assessment? {
      var answers = answers
      answers["onSSA"] = onSSA
      guard case .success(let facts) = facts(from: answers) else { return nil }
      return ClinicalEngine.assess(facts)
    }
    guard let without = decision("no"), let with = decision("yes") else { return false }
    return without.rule != with.rule || without.best != with.best
      || without.acceptable != with.acceptable || without.contraindicated != with.contraindicated
  }

  /// The facts as the engine reads them, with defaults for what was not asked.
  static func facts(from answers: [String: String]) -> Result<CaseFacts, CaseFactsErrors> {
    var values: [String: String] = [:]
    for question in questions {
      values[question.path] = answers[question.path] ?? question.defaultValue(values)
    }
    return CaseFactsParser.parse(object: object(from: values))
  }

  /// The answers as the nested object the case-facts parser reads.
  static func object(from values: [String: String]) -> [String: Any] {
    var root: [String: Any] = ["liver": [String: Any]()]
    var primary: [String: Any] = [:]
    var pathology: [String: Any] = [:]
    var liver: [String: Any] = [:]
    let optionalNumbers: Set = ["pathology.ki67", "pathology.mitoses", "stableMonths"]
    // An unknown optional number is left out, as the case-facts format says.
    for (path, value) in values where !(value == "unknown" && optionalNumbers.contains(path)) {
      let parsed: Any
      switch value {
      case "yes": parsed = true
      case "no": parsed = false
      default:
        if let number = Int(value) {
          parsed = number
        } else if let number = Double(value) {
          parsed = number
        } else {
          parsed = value
        }
      }
      switch path {
      case "primary.site", "primary.status": primary[String(path.dropFirst(8))] = parsed
      case "pathology.differentiation", "pathology.ki67", "pathology.mitoses":
        pathology[String(path.dropFirst(10))] = parsed
      case "liver.pattern", "liver.involvementPercent", "liver.resectability":
        liver[String(path.dropFirst(6))] = parsed
      case "contraindications":
        root[path] = value == "none" ? [String]() : value.split(separator: " ").map(String.init)
      default:
        root[path] = parsed
      }
    }
    if primary["status"] == nil { primary["status"] = "unknown" }
    root["primary"] = primary
    root["pathology"] = pathology
    root["liver"] = liver
    return root
  }
}
