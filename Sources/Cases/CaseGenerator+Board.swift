import Clinical

// Staging and the board discussion in words.
extension CaseNarrative {
  mutating func staging() -> String {
    let p = patient
    let scan = one([
      "Staging with 68Ga-DOTATOC PET/CT", "68Ga-DOTATOC PET/CT",
      "Somatostatin-receptor imaging (68Ga-DOTATOC PET/CT)",
    ])
    let uptake =
      p.sstr == .positive
      ? one(["shows strong somatostatin-receptor uptake", "shows avid tracer uptake"])
      : one(["shows no somatostatin-receptor uptake", "shows no tracer uptake"])
    var sentences = ["\(scan) \(uptake) in the liver lesions."]
    let body = one(["CT of the chest, abdomen and pelvis", "Cross-sectional imaging"])
    switch p.extrahepatic {
    case .none, .unknown:
      let primary = p.status == .inSitu ? " apart from the primary and its nodes" : ""
      sentences.append("\(body) shows no disease outside the liver\(primary).")
    case .resectable:
      sentences.append(
        "\(body) shows \(distantDeposit(resectable: true)), which the surgeons think they can "
          + "remove.")
    case .unresectable:
      sentences.append(
        "\(body) also shows \(distantDeposit(resectable: false)), which cannot be removed.")
    }
    return sentences.joined(separator: " ")
  }

  private func distantDeposit(resectable: Bool) -> String {
    switch (patient.distantSite, resectable) {
    case (.lung, true): "a single lung nodule"
    case (.peritoneum, true): "a single peritoneal nodule"
    case (.ovary, _): "a metastasis in one ovary"
    case (.nodes, true): "one enlarged lymph node beside the aorta"
    case (.bone, _): "metastases in several vertebrae and the pelvis"
    case (.lung, false): "multiple metastases in both lungs"
    case (.peritoneum, false): "widespread peritoneal deposits"
    case (.nodes, false): "enlarged lymph nodes in the chest and neck"
    }
  }

  mutating func board() -> String {
    let p = patient
    var sentences = [
      one([
        "The case goes to the multidisciplinary tumour board.",
        "The multidisciplinary board discusses the case.",
      ])
    ]
    let surgery =
      switch p.resectability {
      case .complete:
        "The liver surgeons think all the liver disease can be removed in one operation, "
          + "leaving an adequate remnant."
      case .twoStage:
        "The liver surgeons could clear the liver only in two stages, with portal vein "
          + "embolisation between them."
      case .debulkable:
        "The liver surgeons cannot clear every lesion but could remove at least 90 % of the "
          + "tumour burden."
      case .none: "The liver surgeons judge the liver disease unresectable."
      }
    // In a poorly differentiated tumour the histology decides; resectability is beside the
    // point. A NET G3 is resected when it can be.
    if p.differentiation == .well { sentences.append(surgery) }
    sentences.append(course())
    sentences += somatostatinAnalogue()
    sentences.append(fitness())
    if p.contraindications.contains(.liverFailure) {
      sentences.append(
        "Since staging, \(he) has become jaundiced, with ascites and a low albumin: the liver "
          + "is failing.")
    }
    sentences.append(
      one(["The board must decide what to offer.", "What should the board advise?"]))
    return sentences.joined(separator: " ")
  }

  /// The syndrome and what an SSA has done so far, in words; said only where it matters.
  private mutating func somatostatinAnalogue() -> [String] {
    let p = patient
    let drug = one(["long-acting octreotide", "lanreotide"])
    let symptoms =
      switch p.syndrome {
      case .carcinoid: "the flushing and diarrhoea continue"
      case .vipoma: "the diarrhoea continues despite fluids and potassium"
      case .glucagonoma: "the rash and the weight loss continue"
      case .none: ""
      }
    guard p.isLowGrade else {
      return symptoms.isEmpty ? [] : [Self.capitalised(symptoms) + "."]
    }
    if p.onSSA {
      if p.hasSyndrome {
        let growth = p.progressive ? ", and the lesions grew on it" : ""
        return [
          "Monthly \(drug) injections were started for the symptoms, but \(symptoms)\(growth)."
        ]
      }
      return [
        "\(sentenceHe) has had monthly \(drug) injections since the liver lesions were first "
          + "seen; they grew on this treatment."
      ]
    }
    guard p.hasSyndrome || p.progressive else { return [] }
    let none = "\(sentenceHe) has not yet had a somatostatin analogue."
    return symptoms.isEmpty ? [none] : [Self.capitalised(symptoms) + ".", none]
  }

  static func capitalised(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }

  private mutating func course() -> String {
    let months = patient.stableMonths.map { $0 == 1 ? "1 month" : "\(num($0)) months" }
    if patient.progressive {
      let grown = "Compared with earlier scans, the liver lesions have grown within the last year"
      guard let stable = patient.stableMonths, stable > 0 else { return grown + "." }
      let recent = stable == 1 ? "month" : "\(num(stable)) months"
      return grown + ", although they have not changed over the last \(recent)."
    }
    guard let months else {
      return "No growth has been documented, but there are no earlier scans to show how long "
        + "the disease has been stable."
    }
    return one([
      "Serial scans show no growth over \(months).",
      "The disease has been stable on imaging for \(months).",
    ])
  }

  private mutating func fitness() -> String {
    guard !patient.fit else {
      return one([
        "\(sentenceHe) is otherwise fit for major surgery.",
        "The anaesthetists consider \(him) fit for major liver surgery.",
      ])
    }
    let reason =
      switch patient.frailty {
      case .heart: "\(sentenceHe) has severe heart failure"
      case .lung: "\(sentenceHe) has severe chronic lung disease"
      case .frail: "\(sentenceHe) is frail"
      }
    return "\(reason), and the anaesthetists judge \(him) unfit for major liver surgery."
  }
}
