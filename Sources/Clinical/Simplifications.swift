/// What the app must say wherever it shows the algorithm (ALGORITHM.md, section 6).
public enum Simplifications {
  /// One line: the branches are a reconstruction, and nelm teaches rather than advises.
  public static let notice =
    "The decision branches are a reconstruction of the review's Figure 3 for teaching; "
    + "nelm is a teaching tool, not clinical decision support."

  /// The eleven simplifications, in the contract's order.
  public static let items = [
    "Figure 3 is reconstructed; \"best\" picks one option where the review offers a menu.",
    "Ki-67 between 2 and 3 % is counted as G2 (WHO 2019 would call < 3 % G1).",
    "WHO 2010 puts every G3 tumour under NEC, including today's well-differentiated NET G3.",
    "T is derived only for pancreas, jejunum and ileum.",
    "The rectum counts as non-portal, although the upper rectum drains to the portal system.",
    "Milan's \"low grade\" is read as G1/G2 (later Milan practice: Ki-67 < 10 %, age up to "
      + "about 60); age ≤ 55 is applied strictly, as a relative criterion that does not "
      + "contraindicate up to 65, and as an absolute one above.",
    "Cytoreduction uses the era's 90 % threshold; later work uses 70 %.",
    "TACE contraindications are simplified to two bars; liver replacement over 50 % moves TACE "
      + "from first choice and over 70 % removes liver-directed options; liver failure stops "
      + "every liver-directed and most systemic options.",
    "Interferon-α, streptozocin and temozolomide/5-FU are the 2010 options; everolimus, "
      + "sunitinib, capecitabine-temozolomide, licensed PRRT (NETTER-1 2017; first line for "
      + "Ki-67 10–55 % since NETTER-2, 2024) and cabozantinib came later.",
    "The Frilling type definitions are unverified against the 2009 paper.",
    "An SSA's effect is one fact (onSSA); dose escalation, telotristat and the type of "
      + "syndrome are not modelled (a syndrome with a non-pancreatic primary is read as the "
      + "carcinoid syndrome).",
  ]
}
