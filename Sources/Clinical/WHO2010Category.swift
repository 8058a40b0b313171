/// The WHO 2010 category of a gastroenteropancreatic neuroendocrine neoplasm.
public enum WHO2010Category: String, CaseIterable, Sendable {
  /// Neuroendocrine tumour, grade 1.
  case netG1 = "NET G1"
  /// Neuroendocrine tumour, grade 2.
  case netG2 = "NET G2"
  /// Neuroendocrine carcinoma: poorly differentiated, or any G3 tumour in WHO 2010.
  case nec = "NEC"

  /// The category of a tumour: `poor` or G3 → NEC; otherwise G1/G2 → NET G1/G2; else `nil`.
  public static func of(differentiation: Differentiation, grade: Grade?) -> WHO2010Category? {
    if differentiation == .poor || grade == .g3 {
      return .nec
    }
    switch grade {
    case .g1: return .netG1
    case .g2: return .netG2
    case .g3, nil: return nil
    }
  }

  static func explain(differentiation: Differentiation, grade: Grade?) -> String {
    let result = of(differentiation: differentiation, grade: grade)
    let name = result?.rawValue ?? "unknown"
    let morphology = differentiation == .unknown ? "differentiation unknown" : "well differentiated"
    let reason: String
    if differentiation == .poor {
      reason = "poorly differentiated"
    } else if grade == .g3 {
      reason = "\(morphology), G3 (WHO 2010 puts every G3 under NEC)"
    } else {
      reason = "\(morphology), \(grade?.rawValue ?? "grade unknown")"
    }
    return "WHO 2010: \(reason) → \(name) (WHO 2010)"
  }
}
