import Clinical
import Foundation

extension AlgorithmWalk {
  /// What the branch of Figure 3 reached after `path` says, and whether the walk ends there.
  mutating func checkpoint(after path: String) -> [Block] {
    guard case .success(let facts) = facts() else { return [] }
    let result = ClinicalEngine.assess(facts)
    func note(_ text: String) -> [Block] { [.paragraph([Span("→ ", .accent), Span(text)])] }
    switch path {
    case "contraindications":
      if AlgorithmWalk.hasLiverFailure(answers) {
        return note(
          "Liver failure comes first of all: no resection, transplant, liver-directed treatment or chemotherapy. Only symptom control remains; a functional syndrome decides it."
        )
      }
      let bars = (answers[path] ?? "").split(separator: " ").filter {
        $0 == "portal_vein_thrombosis" || $0 == "bilioenteric_anastomosis"
      }
      if !bars.isEmpty {
        let names = bars.map { $0.replacingOccurrences(of: "_", with: " ") }
        return note(
          "TACE is barred (\(names.joined(separator: ", "))): it will be listed as contraindicated. Next, the symptoms."
        )
      }
      return note("No contraindication. Next, the symptoms.")
    case "syndrome":
      if AlgorithmWalk.hasLiverFailure(answers) { return finish() }
      return note("Next, the histology.")
    case "pathology.differentiation":
      switch answers[path] {
      case "unknown":
        return note(
          "Without histology nothing else can be decided. Take a US-guided fine-needle biopsy (FNB) of a liver metastasis first, for differentiation and Ki-67."
        ) + finish()
      case "poor":
        return note(
          "Poorly differentiated means a neuroendocrine carcinoma (NEC), outside the well-differentiated pathway of Figure 3. Cisplatin or carboplatin with etoposide; no resection or transplant."
        ) + finish()
      default:
        return note("Well differentiated: the pathway of Figure 3. Next, the grade.")
      }
    case "pathology.mitoses":
      guard let grade = result.grade else {
        return note(
          "With neither Ki-67 nor mitoses the grade is unknown. Biopsy (FNB) for Ki-67 first.")
          + finish()
      }
      if grade == .g3 {
        return note(
          "Grade G3, which WHO 2010 calls NEC; since WHO 2017/2019 a well-differentiated G3 tumour is a NET G3, for which platinum-etoposide is not the standard. It is staged first (D3), then rule D2b decides."
        )
      }
      let category = result.who2010?.rawValue ?? "unknown"
      return note(
        "Grade \(grade.rawValue), WHO 2010 \(category) (ENETS 2006/2007; WHO 2010). Next, staging.")
    case "sstr":
      return afterStaging(result)
    case "fitForSurgery":
      if answers[path] == "no" && answers["extrahepatic"] != "unresectable"
        && result.decisionRule != .d2b
      {
        return note(
          "Not fit for major liver surgery. Liver-directed or watchful treatment.")
      }
      return []
    case "onSSA":
      return note(
        answers[path] == "yes"
          ? "Already on an SSA: the syndrome or the progression goes on despite it, so the next step is no longer the SSA itself."
          : "Not yet on an SSA: an SSA is the first treatment of a functional syndrome and of receptor-positive progression."
      )
    default:
      return []
    }
  }

  /// D3 ends the walk; a NET G3 goes to D2b; otherwise D4 or the liver.
  private mutating func afterStaging(_ result: Assessment) -> [Block] {
    func note(_ text: String) -> [Block] { [.paragraph([Span("→ ", .accent), Span(text)])] }
    if result.decisionRule == .d3 {
      return note(
        "Staging is incomplete. Stage with SRS or 68Ga-DOTATOC PET/CT before choosing a treatment."
      ) + finish()
    }
    if result.decisionRule == .d2b {
      return note(
        "A well-differentiated NET G3. Resection if all the liver disease can be removed; otherwise PRRT (receptor-positive), streptozocin (pancreas) or temozolomide-based chemotherapy, and platinum-etoposide only above Ki-67 55 %. Such a patient belongs to a multidisciplinary board. Next, fitness and the liver."
      )
    }
    switch answers["extrahepatic"] {
    case "unresectable":
      return note(
        "Unresectable extrahepatic disease. Systemic treatment first; no resection or transplant."
      )
    case "resectable":
      return note("Resectable EHD: it will be removed with the liver surgery (REHD).")
    default:
      return note("No extrahepatic disease: the liver decides. Next, how the disease behaves.")
    }
  }
}
