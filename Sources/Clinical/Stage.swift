/// The ENETS stage group, the same for foregut and midgut.
public enum Stage: String, CaseIterable, Sendable {
  /// T1 N0 M0.
  case i = "I"
  /// T2 N0 M0.
  case iia = "IIa"
  /// T3 N0 M0.
  case iib = "IIb"
  /// T4 N0 M0.
  case iiia = "IIIa"
  /// Any T, N1, M0.
  case iiib = "IIIb"
  /// Any T, any N, M1.
  case iv = "IV"

  /// The stage group of a TNM; `nil` when the categories do not decide it.
  public static func of(t: TCategory, n: NodalStatus, m: MCategory) -> Stage? {
    switch (t, n, m) {
    case (_, _, .m1): .iv
    case (_, .n1, .m0): .iiib
    case (.t1, .n0, .m0): .i
    case (.t2, .n0, .m0): .iia
    case (.t3, .n0, .m0): .iib
    case (.t4, .n0, .m0): .iiia
    default: nil
    }
  }

  static func explain(t: TCategory, n: NodalStatus, m: MCategory) -> String {
    let result = of(t: t, n: n, m: m)?.rawValue ?? "unknown"
    let basis =
      switch (n, m) {
      case (_, .m1): "M1"
      case (.n1, .m0): "N1 M0"
      default: "\(t.rawValue) \(n.rawValue) \(m.rawValue)"
      }
    return "stage: \(basis) → \(result) (ENETS)"
  }
}
