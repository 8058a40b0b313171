/// The M category: distant metastases, in the liver or elsewhere.
public enum MCategory: String, CaseIterable, Sendable {
  /// No distant metastases.
  case m0 = "M0"
  /// Distant metastases.
  case m1 = "M1"
  /// Distant metastases not excluded.
  case mx = "MX"

  /// `M1` with liver metastases or extrahepatic disease; `M0` with neither; else `MX`.
  public static func of(liver: CaseFacts.Liver?, extrahepatic: ExtrahepaticDisease) -> MCategory {
    if liver != nil || extrahepatic == .resectable || extrahepatic == .unresectable {
      return .m1
    }
    return extrahepatic == .none ? .m0 : .mx
  }

  static func explain(liver: CaseFacts.Liver?, extrahepatic: ExtrahepaticDisease) -> String {
    let result = of(liver: liver, extrahepatic: extrahepatic).rawValue
    if liver != nil {
      return "M: liver metastases present → \(result)"
    }
    switch extrahepatic {
    case .resectable, .unresectable:
      return "M: \(extrahepatic.rawValue) extrahepatic disease → \(result)"
    case .none:
      return "M: no liver metastases and no extrahepatic disease → \(result)"
    case .unknown:
      return "M: no liver metastases, extrahepatic disease unknown → \(result)"
    }
  }
}
