import Clinical

// The primary tumour and the histology in words.
extension CaseNarrative {
  var siteName: String {
    switch patient.site {
    case .pancreas: "pancreas"
    case .stomach: "stomach"
    case .duodenum: "duodenum"
    case .jejunum: "jejunum"
    case .ileum: "terminal ileum"
    case .appendix: "appendix"
    case .colon: "colon"
    case .rectum: "rectum"
    case .unknown: "unknown primary"
    }
  }

  private var size: String {
    patient.sizeCm.map { "\(num($0))-cm " } ?? ""
  }

  /// The primary as imaging or endoscopy finds it, for a primary still in place.
  mutating func primaryFinding() -> String {
    let p = patient
    let nodes =
      switch p.nodes {
      case .n1:
        p.isSmallBowel
          ? ", with a mesenteric lymph-node mass" : ", with enlarged regional lymph nodes"
      case .n0: ", with no enlarged regional lymph nodes"
      case .nx: ""
      }
    switch p.site {
    case .unknown:
      return one([
        "No primary tumour is found on CT or endoscopy.",
        "The primary tumour cannot be found.",
      ])
    case .pancreas:
      return "It also shows a \(size)mass in the pancreas\(pancreaticExtent())\(nodes)."
    case .jejunum, .ileum:
      let invasion =
        p.extent == .serosaOrAdjacentOrgans ? " invading an adjacent loop of bowel" : ""
      return "It also shows a \(size)mass in the \(siteName)\(invasion)\(nodes)."
    case .stomach, .duodenum, .rectum:
      return "Endoscopy finds a \(size)submucosal tumour in the \(siteName)\(nodes)."
    case .colon, .appendix:
      return "Colonoscopy shows a \(size)tumour in the \(siteName)\(nodes)."
    }
  }

  private mutating func pancreaticExtent() -> String {
    switch patient.extent {
    case .confined: return " confined to the gland"
    case .duodenumOrBileDuct:
      return patient.complaint == .jaundice
        ? " invading the common bile duct"
        : one([" invading the duodenum", " invading the common bile duct"])
    case .adjacentOrgansOrVessels:
      return one([
        " growing into the wall of the superior mesenteric artery", " invading the spleen",
        " invading the stomach wall",
      ])
    default: return ""
    }
  }

  /// The earlier operation on the primary.
  mutating func history() -> String {
    let p = patient
    let when = one(["two years ago", "three years ago", "some years ago", "last year"])
    if p.site == .appendix {
      return
        "\(sentenceHe) had \(his) appendix removed \(when); it held a \(size)neuroendocrine tumour."
    }
    if p.whipple {
      return "\(sentenceHe) had a Whipple operation (pancreaticoduodenectomy) \(when) for a \(size)"
        + "pancreatic neuroendocrine tumour."
    }
    let operation =
      "\(sentenceHe) had a \(size)neuroendocrine tumour of the \(siteName) removed \(when)."
    // Without the old report, the specimen's depth and nodes are told here.
    return pathologyFromResection || specimen.isEmpty ? operation : operation + " " + specimen
  }

  /// What the resection specimen showed about depth and nodes; empty when it says nothing.
  var specimen: String {
    let p = patient
    let depth: String? =
      switch p.extent {
      case .confined: "was confined to the pancreas"
      case .duodenumOrBileDuct: "had invaded the duodenum"
      case .adjacentOrgansOrVessels: "had invaded an adjacent organ"
      case .mucosaSubmucosa: "was confined to the mucosa and submucosa"
      case .muscularisPropria: "had invaded the muscularis propria"
      case .subserosa: "reached the subserosa without breaching the serosa"
      case .serosaOrAdjacentOrgans: "had penetrated the serosa"
      case nil: nil
      }
    let nodes: String? =
      switch p.nodes {
      case .n1: "metastases in regional lymph nodes"
      case .n0: "no tumour in the regional lymph nodes"
      case .nx: nil
      }
    switch (depth, nodes) {
    case (let depth?, let nodes?): return "The tumour \(depth), with \(nodes)."
    case (let depth?, nil): return "The tumour \(depth)."
    case (nil, _):
      switch p.nodes {
      case .n1: return "The regional lymph nodes held metastases."
      case .n0: return "The regional lymph nodes were free of tumour."
      case .nx: return ""
      }
    }
  }

  mutating func pathology() -> String {
    let p = patient
    let source =
      pathologyFromResection
      ? "The report of the resected primary describes"
      : one([
        "A US-guided biopsy of a liver lesion shows",
        "Ultrasound-guided fine-needle biopsy of one of the liver lesions shows",
      ])
    let kind =
      p.differentiation == .poor
      ? "a poorly differentiated neuroendocrine carcinoma (NEC) with extensive necrosis"
      : "a well-differentiated neuroendocrine tumour"
    var sentences = ["\(source) \(kind)."]
    let mitoses = p.mitoses.map {
      switch $0 {
      case 0: "no mitoses in 10 high-power fields"
      case 1: "1 mitosis per 10 high-power fields"
      default: "\(num($0)) mitoses per 10 high-power fields"
      }
    }
    switch (p.ki67, mitoses) {
    case (let ki67?, let mitoses?):
      sentences.append("The Ki-67 index is \(num(ki67)) %, with \(mitoses).")
    case (let ki67?, nil):
      sentences.append("The Ki-67 index is \(num(ki67)) %; no mitotic count is given.")
    case (nil, let mitoses?): sentences.append("The count is \(mitoses); Ki-67 was not done.")
    case (nil, nil): break
    }
    if pathologyFromResection && !specimen.isEmpty { sentences.append(specimen) }
    switch p.syndrome {
    case .carcinoid: sentences.append("Urinary 5-HIAA is raised.")
    case .vipoma: sentences.append("Plasma VIP is raised.")
    case .glucagonoma: sentences.append("Plasma glucagon is raised.")
    case .none: break
    }
    return sentences.joined(separator: " ")
  }
}
