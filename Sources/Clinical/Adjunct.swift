/// A step added to the best option (ALGORITHM.md, section 3), in the order of section 4.
public enum Adjunct: String, CaseIterable, Sendable {
  /// Somatostatin analogue for the syndrome.
  case ssa
  /// Perioperative octreotide.
  case perioperativeOctreotide = "perioperative_octreotide"
  /// Echocardiography for carcinoid heart disease.
  case echocardiography
  /// Resection of the primary.
  case primaryResection = "primary_resection"
  /// Resection of extrahepatic disease.
  case rehd
  /// Two-stage resection ± portal vein embolisation.
  case twoStagePVE = "two_stage_pve"
  /// Cholecystectomy.
  case cholecystectomy
  /// 68Ga-DOTATOC PET/CT restaging before listing.
  case sstrImaging = "sstr_imaging"
  /// Antibiotic prophylaxis for SIRT after a bilioenteric anastomosis.
  case antibioticProphylaxis = "antibiotic_prophylaxis"

  /// The id used in files and in the JSON output.
  public var id: String { rawValue }

  /// The adjunct in the review's words.
  public var name: String {
    switch self {
    case .ssa: "somatostatin analogue (SSA) for the syndrome"
    case .perioperativeOctreotide: "perioperative octreotide"
    case .echocardiography: "echocardiography for carcinoid heart disease"
    case .primaryResection: "resection of the primary"
    case .rehd: "resection of extrahepatic disease (REHD)"
    case .twoStagePVE: "two-stage resection ± portal vein embolisation (PVE)"
    case .cholecystectomy: "cholecystectomy"
    case .sstrImaging: "68Ga-DOTATOC PET/CT restaging before listing"
    case .antibioticProphylaxis: "antibiotic prophylaxis for SIRT after a bilioenteric anastomosis"
    }
  }
}
