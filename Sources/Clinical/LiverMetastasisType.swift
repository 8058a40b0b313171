/// Frilling's growth pattern of liver metastases (2009; simple/complex/diffuse since 2014).
///
/// The definitions are as summarised in later literature and unverified against the 2009
/// paper (section 6, item 10).
public enum LiverMetastasisType: String, CaseIterable, Sendable {
  /// Type I (simple): one metastasis of any size.
  case i = "I"
  /// Type II (complex): one dominant bulk with smaller deposits.
  case ii = "II"
  /// Type III (diffuse): disseminated spread.
  case iii = "III"

  /// The type of a growth pattern.
  public init(pattern: LiverPattern) {
    switch pattern {
    case .single: self = .i
    case .dominantWithSatellites: self = .ii
    case .disseminated: self = .iii
    }
  }

  /// The type of a case's liver disease; `nil` without liver metastases.
  public static func of(liver: CaseFacts.Liver?) -> LiverMetastasisType? {
    liver.map { LiverMetastasisType(pattern: $0.pattern) }
  }

  /// The 2014 name of the type.
  public var laterName: String {
    switch self {
    case .i: "simple"
    case .ii: "complex"
    case .iii: "diffuse"
    }
  }

  static func explain(liver: CaseFacts.Liver?) -> String {
    guard let liver else {
      return "liver-metastasis type: no liver metastases → unknown"
    }
    let type = LiverMetastasisType(pattern: liver.pattern)
    let pattern = String(liver.pattern.rawValue.map { $0 == "_" ? " " : $0 })
    return "liver-metastasis type: \(pattern) → type \(type.rawValue), "
      + "\"\(type.laterName)\" (Frilling 2009; names of 2014; definitions unverified)"
  }
}
