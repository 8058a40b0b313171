/// A treatment or step the decision can choose (ALGORITHM.md, section 3).
public enum ClinicalOption: String, CaseIterable, Sendable {
  /// Biopsy for histology and Ki-67.
  case biopsy
  /// Staging with SRS or 68Ga-DOTATOC PET/CT.
  case sstrImaging = "sstr_imaging"
  /// Curative hepatic resection.
  case resection
  /// Cytoreductive resection.
  case cytoreduction
  /// Liver transplantation.
  case transplant
  /// Transarterial (chemo)embolisation.
  case tace
  /// Selective internal radiation therapy.
  case sirt
  /// Peptide receptor radionuclide therapy.
  case prrt
  /// Somatostatin analogue.
  case ssa
  /// Streptozocin-based chemotherapy.
  case chemoStz = "chemo_stz"
  /// Platinum with etoposide.
  case chemoPlatinum = "chemo_platinum"
  /// Temozolomide- or 5-FU-based chemotherapy.
  case chemoTem = "chemo_tem"
  /// Interferon-α.
  case interferon
  /// Watchful waiting.
  case surveillance
  /// Best supportive care.
  case supportiveCare = "supportive_care"

  /// The id used in files and in the JSON output.
  public var id: String { rawValue }

  /// The option in the review's words.
  public var name: String {
    switch self {
    case .biopsy: "US-guided fine-needle biopsy (FNB) for histology and Ki-67"
    case .sstrImaging: "staging with SRS or 68Ga-DOTATOC PET/CT"
    case .resection: "curative hepatic resection ± RFA"
    case .cytoreduction: "cytoreductive resection (CRR) ± RFA"
    case .transplant: "liver transplantation (LT)"
    case .tace: "transarterial embolisation or chemoembolisation (TAE/TACE)"
    case .sirt: "selective internal radiation therapy (SIRT)"
    case .prrt: "peptide receptor radionuclide therapy (PRRT)"
    case .ssa: "somatostatin analogue (SSA)"
    case .chemoStz: "streptozocin-based chemotherapy"
    case .chemoPlatinum: "cisplatin or carboplatin with etoposide"
    case .chemoTem: "temozolomide- or 5-FU-based chemotherapy"
    case .interferon: "interferon-α"
    case .surveillance: "watchful waiting with imaging every 3–6 months"
    case .supportiveCare: "best supportive care"
    }
  }

  /// The option in a few words, for the trace's lists of alternatives.
  public var shortName: String {
    switch self {
    case .biopsy: "FNB"
    case .sstrImaging: "SSTR imaging"
    case .resection: "resection"
    case .cytoreduction: "CRR ± RFA"
    case .transplant: "LT"
    case .tace: "TAE/TACE"
    case .sirt: "SIRT"
    case .prrt: "PRRT"
    case .ssa: "an SSA"
    case .chemoStz: "streptozocin-based chemotherapy"
    case .chemoPlatinum: "platinum-etoposide"
    case .chemoTem: "temozolomide- or 5-FU-based chemotherapy"
    case .interferon: "interferon-α"
    case .surveillance: "watchful waiting"
    case .supportiveCare: "best supportive care"
    }
  }
}
