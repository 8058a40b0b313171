/// Grade of a neuroendocrine neoplasm (ENETS 2006/2007, WHO 2010).
public enum Grade: String, CaseIterable, Sendable, Comparable {
  /// Ki-67 ≤ 2 % and fewer than 2 mitoses per 10 HPF.
  case g1 = "G1"
  /// Ki-67 > 2 % up to 20 %, or 2–20 mitoses per 10 HPF.
  case g2 = "G2"
  /// Ki-67 > 20 %, or more than 20 mitoses per 10 HPF.
  case g3 = "G3"

  /// The grade given by a Ki-67 index alone: ≤ 2 → G1; > 2 and ≤ 20 → G2; > 20 → G3.
  ///
  /// Ki-67 between 2 and 3 % falls into the gap of the ENETS cut-offs and counts as G2
  /// (section 6, item 2).
  public init(ki67: Double) {
    if ki67 <= 2 {
      self = .g1
    } else if ki67 <= 20 {
      self = .g2
    } else {
      self = .g3
    }
  }

  /// The grade given by a mitotic count per 10 HPF alone: < 2 → G1; 2–20 → G2; > 20 → G3.
  public init(mitoses: Double) {
    if mitoses < 2 {
      self = .g1
    } else if mitoses <= 20 {
      self = .g2
    } else {
      self = .g3
    }
  }

  /// The grade of a tumour: with both measures the higher grade wins; with neither, `nil`.
  public static func of(ki67: Double?, mitoses: Double?) -> Grade? {
    let grades = [ki67.map(Grade.init(ki67:)), mitoses.map(Grade.init(mitoses:))]
    return grades.compactMap { $0 }.max()
  }

  /// Orders grades from G1 to G3.
  public static func < (lhs: Grade, rhs: Grade) -> Bool {
    lhs.order < rhs.order
  }

  private var order: Int {
    switch self {
    case .g1: 1
    case .g2: 2
    case .g3: 3
    }
  }

  static func explain(ki67: Double?, mitoses: Double?) -> String {
    let source = "(ENETS 2006/2007; WHO 2010)"
    var parts: [String] = []
    if let ki67 {
      var part = "Ki-67 \(formatNumber(ki67)) % → \(Grade(ki67: ki67).rawValue)"
      if ki67 > 2 && ki67 < 3 {
        part += " (between 2 and 3 %: counted as G2; WHO 2019 would call < 3 % G1)"
      }
      parts.append(part)
    }
    if let mitoses {
      parts.append("mitoses \(formatNumber(mitoses))/10 HPF → \(Grade(mitoses: mitoses).rawValue)")
    }
    guard let grade = Grade.of(ki67: ki67, mitoses: mitoses) else {
      return "grade: neither Ki-67 nor a mitotic count is known → grade unknown \(source)"
    }
    if parts.count == 2 {
      let agreement =
        Grade(ki67: ki67 ?? 0) == Grade(mitoses: mitoses ?? 0)
        ? "both agree" : "the higher grade wins"
      parts.append("\(agreement) → \(grade.rawValue)")
    }
    return "grade: " + parts.joined(separator: "; ") + " " + source
  }
}
