import Clinical

/// The whole truth of a generated patient: every fact as it stands when the story ends, plus
/// the parts of the story the case facts do not hold (sex, symptoms, why unfit).
struct GeneratedPatient: Sendable, Equatable {
  enum Sex: Sendable { case woman, man }

  /// The functional syndrome; only the ones an SSA treats (never insulinoma).
  enum Syndrome: Sendable { case none, carcinoid, vipoma, glucagonoma }

  /// How the disease first showed itself, when not through a syndrome.
  enum Complaint: Sendable { case pain, incidental, weightLoss, jaundice, bleeding, dyspepsia }

  /// Where disease outside the liver sits, for the story.
  enum DistantSite: Sendable { case bone, lung, peritoneum, ovary, nodes }

  /// Why the patient cannot have major surgery, for the story.
  enum Frailty: Sendable { case heart, lung, frail }

  var age: Int
  var sex: Sex
  var site: PrimarySite
  var sizeCm: Double?
  var extent: PrimaryExtent?
  var status: PrimaryStatus
  var nodes: NodalStatus
  var differentiation: Differentiation
  var ki67: Double?
  var mitoses: Double?
  var pattern: LiverPattern
  var involvement: Double
  var resectability: Resectability
  var extrahepatic: ExtrahepaticDisease
  var distantSite: DistantSite
  var sstr: SSTRStatus
  var syndrome: Syndrome
  var complaint: Complaint
  var progressive: Bool
  var fit: Bool
  var frailty: Frailty
  var stableMonths: Double?
  /// Already on a somatostatin analogue: the syndrome persists, or the disease progressed, on
  /// it. Told at the board, as the course of the disease so far.
  var onSSA: Bool
  var contraindications: [Contraindication]
  /// How long the symptoms have lasted, in months (story only).
  var symptomMonths: Int
  /// Whether the primary was removed by a Whipple operation (story of the bilioenteric
  /// anastomosis).
  var whipple: Bool

  var hasSyndrome: Bool { syndrome != .none }
  /// A well-differentiated G1/G2 tumour: the pathway of Figure 3 with its liver rules.
  var isLowGrade: Bool {
    differentiation == .well && (ki67 ?? 0) <= 20 && (mitoses ?? 0) <= 20
  }
  var isSmallBowel: Bool { site == .jejunum || site == .ileum }
}

extension GeneratedPatient {
  /// How far the story has got: what a stage's facts already know.
  enum Reveal: Int, Sendable, Comparable, CaseIterable {
    /// Imaging only: no histology, no staging.
    case presentation
    /// Histology known, staging not yet.
    case pathology
    /// Staging done.
    case staged
    /// Everything, including what the board hears last (liver failure).
    case board

    static func < (lhs: Reveal, rhs: Reveal) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// The case facts as a document, in the file format, so that the parser checks them.
  func object(revealing reveal: Reveal) -> [String: Any] {
    var primary: [String: Any] = ["site": site.rawValue, "status": status.rawValue]
    if let sizeCm { primary["sizeCm"] = sizeCm }
    if let extent { primary["extent"] = extent.rawValue }
    var pathology: [String: Any] = ["differentiation": Differentiation.unknown.rawValue]
    if reveal >= .pathology {
      pathology["differentiation"] = differentiation.rawValue
      if let ki67 { pathology["ki67"] = ki67 }
      if let mitoses { pathology["mitoses"] = mitoses }
    }
    var object: [String: Any] = [
      "age": age,
      "primary": primary,
      "nodes": nodes.rawValue,
      "pathology": pathology,
      "liver": [
        "pattern": pattern.rawValue, "involvementPercent": involvement,
        "resectability": resectability.rawValue,
      ],
      "extrahepatic": reveal >= .staged ? extrahepatic.rawValue : "unknown",
      "sstr": reveal >= .staged ? sstr.rawValue : "unknown",
      "syndrome": hasSyndrome,
      "progressive": progressive,
      "fitForSurgery": fit,
    ]
    if let stableMonths { object["stableMonths"] = stableMonths }
    // The SSA given since the diagnosis is part of what the board hears.
    if reveal == .board && onSSA { object["onSSA"] = true }
    // Liver failure is told at the board, so that rule D2a cannot cut the work-up short.
    let known = contraindications.filter { reveal == .board || $0 != .liverFailure }
    if !known.isEmpty { object["contraindications"] = known.map(\.rawValue) }
    return object
  }

  /// The parsed facts at `reveal`; nil when the parser refuses them.
  func facts(revealing reveal: Reveal) -> CaseFacts? {
    try? CaseFactsParser.parse(object: object(revealing: reveal)).get()
  }
}
