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
    // In a high-grade tumour the histology decides first; resectability is beside the point.
    if p.isLowGrade { sentences.append(surgery) }
    sentences.append(course())
    switch p.syndrome {
    case .carcinoid: sentences.append("The flushing and diarrhoea continue.")
    case .vipoma: sentences.append("The diarrhoea continues despite fluids and potassium.")
    case .glucagonoma: sentences.append("The rash and the weight loss continue.")
    case .none: break
    }
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
