import Course

/// How a generated case names its steps: the step's kind (`lm-type`), `what-if-` before it
/// for a what-if, and `-2`, `-3` … after it when the case asks that kind again. `progress`
/// reads the kind back from the name, so the answers to a generated case count without
/// generating it again.
public enum GeneratedStepName {
  /// The name of a step of `kind`, before any number that keeps it unique.
  static func base(_ kind: CaseStepKind, whatIf: Bool) -> String {
    let name = kind.rawValue.replacingOccurrences(of: "_", with: "-")
    return whatIf ? "what-if-" + name : name
  }

  /// The kind of the generated step named `id`; nil when `id` is not such a name.
  public static func kind(of id: String) -> CaseStepKind? {
    var name = Substring(id)
    if name.hasPrefix("what-if-") { name = name.dropFirst("what-if-".count) }
    if let kind = CaseStepKind(rawValue: name.replacingOccurrences(of: "-", with: "_")) {
      return kind
    }
    guard let dash = name.lastIndex(of: "-"),
      name[name.index(after: dash)...].allSatisfy(\.isNumber),
      dash < name.index(before: name.endIndex)
    else { return nil }
    return CaseStepKind(rawValue: name[..<dash].replacingOccurrences(of: "-", with: "_"))
  }
}
