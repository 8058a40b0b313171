/// The facts of one case: the input of the clinical engine (ALGORITHM.md, section 1).
///
/// Optional properties mean "unknown". Build one with ``CaseFactsParser`` to get every
/// check of section 1; the memberwise initialiser does not validate, and the engine gives an
/// answer for any value it is handed.
public struct CaseFacts: Sendable, Equatable, Codable {
  /// The primary tumour.
  public struct Primary: Sendable, Equatable, Codable {
    /// Where the primary arose.
    public var site: PrimarySite
    /// Largest diameter in centimetres; `nil` when unknown.
    public var sizeCm: Double?
    /// Depth of invasion; only defined for pancreas, jejunum and ileum.
    public var extent: PrimaryExtent?
    /// Whether the primary is still in place.
    public var status: PrimaryStatus

    /// Creates a primary from its parts.
    public init(
      site: PrimarySite, sizeCm: Double? = nil, extent: PrimaryExtent? = nil,
      status: PrimaryStatus
    ) {
      self.site = site
      self.sizeCm = sizeCm
      self.extent = extent
      self.status = status
    }
  }

  /// Histology of the tumour.
  public struct Pathology: Sendable, Equatable, Codable {
    /// Morphological differentiation.
    public var differentiation: Differentiation
    /// Ki-67 index in percent; `nil` when unknown.
    public var ki67: Double?
    /// Mitoses per 10 high-power fields; `nil` when unknown.
    public var mitoses: Double?

    /// Creates a pathology finding from its parts.
    public init(differentiation: Differentiation, ki67: Double? = nil, mitoses: Double? = nil) {
      self.differentiation = differentiation
      self.ki67 = ki67
      self.mitoses = mitoses
    }
  }

  /// The liver metastases, when there are any.
  public struct Liver: Sendable, Equatable, Codable {
    /// Growth pattern (Frilling).
    public var pattern: LiverPattern
    /// Share of the liver replaced by tumour, in percent (> 0 and ≤ 100).
    public var involvementPercent: Double
    /// How much of the liver disease surgery can remove.
    public var resectability: Resectability

    /// Creates a liver finding from its parts.
    public init(pattern: LiverPattern, involvementPercent: Double, resectability: Resectability) {
      self.pattern = pattern
      self.involvementPercent = involvementPercent
      self.resectability = resectability
    }
  }

  /// Free identifier of the case, if any.
  public var id: String?
  /// Age in whole years.
  public var age: Int
  /// The primary tumour.
  public var primary: Primary
  /// Regional nodes of the primary.
  public var nodes: NodalStatus
  /// Histology.
  public var pathology: Pathology
  /// The liver metastases; `nil` when there are none.
  public var liver: Liver?
  /// Distant disease outside the liver now present.
  public var extrahepatic: ExtrahepaticDisease
  /// Somatostatin-receptor status on SRS or 68Ga-DOTATOC PET/CT.
  public var sstr: SSTRStatus
  /// A functional syndrome for which a somatostatin analogue is indicated.
  public var syndrome: Bool
  /// Progression on imaging within the last 12 months.
  public var progressive: Bool
  /// Fit for major liver surgery.
  public var fitForSurgery: Bool
  /// Months of stable disease or response so far; `nil` when unknown.
  public var stableMonths: Double?
  /// Already treated with a somatostatin analogue: with `syndrome`, the syndrome persists on
  /// an SSA; with `progressive`, the disease progressed on one. False when not given.
  public var onSSA: Bool
  /// Contraindications present, without duplicates; empty when none.
  public var contraindications: [Contraindication]

  /// Creates case facts from their parts, without validation.
  public init(
    id: String? = nil, age: Int, primary: Primary, nodes: NodalStatus, pathology: Pathology,
    liver: Liver?, extrahepatic: ExtrahepaticDisease, sstr: SSTRStatus, syndrome: Bool,
    progressive: Bool, fitForSurgery: Bool, stableMonths: Double? = nil, onSSA: Bool = false,
    contraindications: [Contraindication] = []
  ) {
    self.id = id
    self.age = age
    self.primary = primary
    self.nodes = nodes
    self.pathology = pathology
    self.liver = liver
    self.extrahepatic = extrahepatic
    self.sstr = sstr
    self.syndrome = syndrome
    self.progressive = progressive
    self.fitForSurgery = fitForSurgery
    self.stableMonths = stableMonths
    self.onSSA = onSSA
    self.contraindications = contraindications
  }
}
