import Clinical

/// Builds new, coherent patients from a seed: the same seed gives the same case.
/// (Placeholder: the generator lands with its own work.)
public enum CaseGenerator {
  /// The topics a generated case can focus on.
  public static let topics = ["grading", "staging", "transplant", "treatment"]

  /// The case for `seed`, leaning to `topic` when given.
  public static func generate(seed: UInt64, topic: String? = nil) -> ClinicalCase {
    ClinicalCase(id: "random:\(seed)", title: "Generated case", tags: [], source: "", stages: [])
  }
}
