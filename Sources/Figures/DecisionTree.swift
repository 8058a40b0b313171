/// The review's Figure 3 as nelm reconstructs it (ALGORITHM.md v3, section 4): the rules in the
/// order they are tried, each with its question in clinical words, and the branches of N and
/// S under the rules that use them.
///
/// The figure itself is not available; the tree follows the engine's rules, and every
/// drawing of it says that it is a reconstruction.
public enum DecisionTree {
  /// The rules, in the order the engine tries them: the first that holds decides.
  public static let figure3: [DecisionNode] = [
    DecisionNode(
      id: "D2a", question: "Liver failure?",
      outcome: "an SSA for a syndrome, else best supportive care; no surgery, liver-directed "
        + "treatment or chemotherapy"),
    DecisionNode(
      id: "D1", question: "Histology or grade unknown?",
      outcome: "biopsy (FNB) for histology and Ki-67"),
    DecisionNode(
      id: "D2", question: "Poorly differentiated (NEC)?",
      outcome: "platinum with etoposide; no resection, CRR or LT"),
    DecisionNode(
      id: "D3", question: "Extrahepatic disease or receptor status unknown?",
      outcome: "staging: SRS or 68Ga-DOTATOC PET/CT"),
    DecisionNode(
      id: "D2b", question: "Well differentiated but G3 (Ki-67 or mitoses > 20)?",
      outcome: "resection if complete and fit; else platinum (Ki-67 > 55 %), PRRT "
        + "(receptor-positive), streptozocin (pancreas) or temozolomide; no LT"),
    DecisionNode(
      id: "D4", question: "Unresectable disease outside the liver?",
      outcome: "systemic first (S); no resection or LT",
      children: systemicBranches("D4")),
    DecisionNode(
      id: "D5", question: "Unfit for major liver surgery?",
      outcome: "liver-directed or watchful (N); no resection, CRR or LT",
      sharedBranches: "N", children: liverBranches("D5")),
    DecisionNode(
      id: "D6", question: "All liver metastases resectable, in one or two stages?",
      outcome: "curative resection ± RFA"),
    DecisionNode(
      id: "D7", question: "≥ 90 % of the tumour burden removable?",
      outcome: "cytoreduction (CRR) ± RFA; N's options acceptable"),
    DecisionNode(
      id: "D8",
      question: "Transplant-eligible (Milan), primary not pancreatic or duodenal, Ki-67 < 10 % "
        + "or unknown?",
      outcome: "liver transplantation after restaging; N's options acceptable"),
    DecisionNode(
      id: "D8/N",
      question: "Transplant-eligible, but a pancreatic or duodenal primary or Ki-67 ≥ 10 %?",
      outcome: "liver-directed or watchful (N) first; LT acceptable",
      sharedBranches: "N", children: liverBranches("D8")),
    DecisionNode(
      id: "D9", question: "Otherwise (unresectable, not transplant-eligible)",
      outcome: "liver-directed or watchful (N); no resection; no LT if an absolute Milan "
        + "criterion fails",
      sharedBranches: "N", children: liverBranches("D9")),
  ]

  /// N: liver-directed, or watchful, under `rule`.
  static func liverBranches(_ rule: String) -> [DecisionNode] {
    [
      DecisionNode(
        id: "\(rule)/N0", question: "Stable, no syndrome?",
        outcome: "an SSA if receptor-positive (PROMID), else watchful waiting"),
      DecisionNode(
        id: "\(rule)/N1", question: "Not yet on an SSA, with a syndrome or receptor-positive?",
        outcome: "an SSA first"),
      DecisionNode(
        id: "\(rule)/N2", question: "TACE not barred, ≤ 50 % of the liver replaced?",
        outcome: "TAE/TACE"),
      DecisionNode(
        id: "\(rule)/N3", question: "Otherwise",
        outcome: "PRRT if receptor-positive, else streptozocin (pancreas), temozolomide "
          + "(Ki-67 > 15 %), SIRT (≤ 70 % replaced) or interferon-α"),
    ]
  }

  /// S: systemic first, under `rule`.
  static func systemicBranches(_ rule: String) -> [DecisionNode] {
    [
      DecisionNode(
        id: "\(rule)/S0", question: "Stable, no syndrome?",
        outcome: "an SSA if receptor-positive, else watchful waiting"),
      DecisionNode(
        id: "\(rule)/S1", question: "Not yet on an SSA, with a syndrome or receptor-positive?",
        outcome: "an SSA first"),
      DecisionNode(
        id: "\(rule)/S2", question: "Receptor-positive, on an SSA?",
        outcome: "PRRT (NETTER-1)"),
      DecisionNode(
        id: "\(rule)/S3", question: "Pancreatic primary?",
        outcome: "streptozocin-based chemotherapy"),
      DecisionNode(
        id: "\(rule)/S4", question: "Otherwise",
        outcome: "temozolomide if Ki-67 > 15 %, else interferon-α"),
    ]
  }
}
