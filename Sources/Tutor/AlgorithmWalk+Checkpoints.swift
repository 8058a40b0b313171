import Clinical

extension AlgorithmWalk {
  /// What the branch of Figure 3 reached after `path` says, and whether the walk ends there.
  mutating func checkpoint(after path: String) -> [Block] {
    guard case .success(let facts) = facts() else { return [] }
    let result = ClinicalEngine.assess(facts)
    func note(_ text: String) -> [Block] { [.paragraph([Span("→ ", .accent), Span(text)])] }
    switch path {
    case "pathology.differentiation":
      switch answers[path] {
      case "unknown":
        return note(
          "D1: without histology nothing else can be decided. Take a US-guided fine-needle biopsy (FNB) of a liver metastasis first, for differentiation and Ki-67."
        ) + finish()
      case "poor":
        return note(
          "D2: poorly differentiated means NEC (WHO 2010), outside the well-differentiated pathway of Figure 3. Systemic platinum-based chemotherapy; no resection or transplant."
        ) + finish()
      default:
        return note("Well differentiated: the pathway of Figure 3. Next, the grade.")
      }
    case "pathology.mitoses":
      guard let grade = result.grade else {
        return note(
          "D1: with neither Ki-67 nor mitoses the grade is unknown. Biopsy (FNB) for Ki-67 first.")
          + finish()
      }
      let category = result.who2010?.rawValue ?? "unknown"
      if grade == .g3 {
        return note(
          "Grade G3, which WHO 2010 calls NEC: rule D2. (Since WHO 2017/2019 a well-differentiated G3 tumour is a NET G3, for which platinum-etoposide is not the standard: such a patient belongs to a multidisciplinary board.)"
        ) + finish()
      }
      return note(
        "Grade \(grade.rawValue), WHO 2010 \(category) (ENETS 2006/2007; WHO 2010). Next, what could stop treatment."
      )
    case "contraindications":
      if AlgorithmWalk.hasLiverFailure(answers) {
        return note(
          "D2a: liver failure stops resection, transplant and every liver-directed treatment. Only symptom control remains; two more facts decide it."
        )
      }
      let bars = (answers[path] ?? "").split(separator: " ").filter {
        $0 == "portal_vein_thrombosis" || $0 == "bilioenteric_anastomosis"
      }
      if !bars.isEmpty {
        return note(
          "TACE is barred (\(bars.joined(separator: ", "))): it will be listed as contraindicated. Next, staging."
        )
      }
      return note(
        "No contraindication. Next, staging for extrahepatic disease (EHD) and receptor status.")
    case "sstr":
      if AlgorithmWalk.hasLiverFailure(answers) { return [] }
      if result.rule == "D3" {
        return note(
          "D3: staging is incomplete. Stage with SRS or 68Ga-DOTATOC PET/CT before choosing a treatment."
        ) + finish()
      }
      switch answers["extrahepatic"] {
      case "unresectable":
        return note(
          "D4: unresectable extrahepatic disease. Systemic treatment first (branch S); no resection or transplant."
        )
      case "resectable":
        return note("Resectable EHD: it will be removed with the liver surgery (REHD).")
      default:
        return note("No extrahepatic disease: the liver decides. Next, how the disease behaves.")
      }
    case "syndrome":
      if AlgorithmWalk.hasLiverFailure(answers) { return finish() }
      return []
    case "fitForSurgery":
      if answers[path] == "no" && answers["extrahepatic"] != "unresectable" {
        return note(
          "D5: not fit for major liver surgery. Liver-directed or watchful treatment (branch N).")
      }
      return []
    default:
      return []
    }
  }
}
