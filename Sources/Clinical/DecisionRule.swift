/// A rule of the treatment decision (ALGORITHM.md, section 4), in the order the rules are
/// tried: liver failure first, then histology, NEC, staging, the NET G3, and the liver.
public enum DecisionRule: String, CaseIterable, Sendable, Codable {
  /// Liver failure: symptom control or supportive care only.
  case d2a = "D2a"
  /// Histology or grade unknown: biopsy.
  case d1 = "D1"
  /// Poorly differentiated: NEC, platinum-etoposide.
  case d2 = "D2"
  /// Extrahepatic disease or receptor status unknown: staging.
  case d3 = "D3"
  /// Well-differentiated G3 (WHO 2010 NEC; NET G3 since WHO 2017/2019).
  case d2b = "D2b"
  /// Unresectable extrahepatic disease: systemic first (branch S).
  case d4 = "D4"
  /// Unfit for major liver surgery: liver-directed or watchful (branch N).
  case d5 = "D5"
  /// All liver metastases resectable: resection.
  case d6 = "D6"
  /// At least 90 % of the burden removable: cytoreduction.
  case d7 = "D7"
  /// Unresectable and transplant-eligible: transplantation (`D8`), or branch N first with
  /// transplantation acceptable (`D8/N…`).
  case d8 = "D8"
  /// Unresectable and not transplant-eligible: branch N.
  case d9 = "D9"

  /// The rule's id, as the JSON output and the trace write it.
  public var id: String { rawValue }
}

/// A branch of the decision that offers alternatives of similar standing: N (liver-directed,
/// or watchful) and S (systemic first).
public enum BranchID: String, CaseIterable, Sendable, Codable {
  /// Not progressive, no syndrome: SSA (receptor-positive) or watchful waiting.
  case n0 = "N0"
  /// Not on an SSA, with a syndrome or receptor-positive progression: SSA first.
  case n1 = "N1"
  /// TACE not barred and at most 50 % of the liver replaced: TACE.
  case n2 = "N2"
  /// TACE barred or over 50 % replaced: PRRT, chemotherapy, SIRT or interferon.
  case n3 = "N3"
  /// As N0, under unresectable extrahepatic disease.
  case s0 = "S0"
  /// Not on an SSA, with a syndrome or receptor-positive disease: SSA first.
  case s1 = "S1"
  /// Receptor-positive, on an SSA: PRRT.
  case s2 = "S2"
  /// Receptor-negative pancreatic primary: streptozocin-based chemotherapy.
  case s3 = "S3"
  /// Otherwise: temozolomide/5-FU-based chemotherapy or interferon, by Ki-67.
  case s4 = "S4"

  /// The branch's id, as the JSON output and the trace write it.
  public var id: String { rawValue }
}
