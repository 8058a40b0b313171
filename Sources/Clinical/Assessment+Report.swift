extension Assessment {
  /// The assessment as readable lines: findings, decision in the review's words, adjuncts,
  /// the trace, and the notice that this is a teaching reconstruction.
  public func reportLines() -> [String] {
    func value(_ text: String?) -> String { text ?? "unknown" }
    var lines = [
      "Findings",
      "  grade: \(value(grade?.rawValue))   WHO 2010: \(value(who2010?.rawValue))",
      "  TNM: \(t.rawValue) \(n.rawValue) \(m.rawValue)   stage: \(value(stage?.rawValue))",
      "  liver-metastasis type: \(value(lmType?.rawValue))   portal-drained: "
        + (portalDrained ? "yes" : "no"),
      "  transplant (Milan): "
        + (transplantEligible
          ? "eligible"
          : "not eligible — "
            + transplantFailures.map { "\($0.text) (\(kind(of: $0).rawValue))" }
            .joined(separator: ", ")),
      "",
      "Decision",
    ]
    if let best, let rule {
      lines.append("  rule: \(rule)")
      lines.append("  best: \(best.name) [\(best.id)]")
      lines += optionLines("acceptable", acceptable.map { "\($0.name) [\($0.id)]" })
      lines += optionLines("contraindicated", contraindicated.map { "\($0.name) [\($0.id)]" })
      lines += optionLines("adjuncts", adjuncts.map { "\($0.name) [\($0.id)]" })
    } else {
      lines.append("  no liver metastases: outside the algorithm")
    }
    lines += ["", "Trace"] + trace.map { "  " + $0.text } + ["", Simplifications.notice]
    return lines
  }

  private func optionLines(_ title: String, _ names: [String]) -> [String] {
    guard !names.isEmpty else { return ["  \(title): none"] }
    return ["  \(title):"] + names.map { "    - " + $0 }
  }
}
