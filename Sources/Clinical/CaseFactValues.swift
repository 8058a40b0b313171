// The closed vocabularies of the case facts. Raw values are the spellings of the JSON and YAML
// files, so they are part of the file format.

/// Site of the primary tumour.
public enum PrimarySite: String, CaseIterable, Sendable, Codable {
  /// Pancreas.
  case pancreas
  /// Stomach.
  case stomach
  /// Duodenum.
  case duodenum
  /// Jejunum.
  case jejunum
  /// Ileum.
  case ileum
  /// Appendix.
  case appendix
  /// Colon.
  case colon
  /// Rectum.
  case rectum
  /// Primary not found.
  case unknown

  /// The extents defined for this site (ENETS T); empty where T is not derived.
  public var allowedExtents: [PrimaryExtent] {
    switch self {
    case .pancreas: [.confined, .duodenumOrBileDuct, .adjacentOrgansOrVessels]
    case .jejunum, .ileum:
      [.mucosaSubmucosa, .muscularisPropria, .subserosa, .serosaOrAdjacentOrgans]
    default: []
    }
  }

  /// Whether the site drains to the portal system (Milan: distal stomach to sigmoid colon).
  ///
  /// The rectum counts as non-portal, a simplification (section 6, item 5).
  public var isPortalDrained: Bool {
    switch self {
    case .pancreas, .stomach, .duodenum, .jejunum, .ileum, .appendix, .colon: true
    case .rectum, .unknown: false
    }
  }
}

/// Local extent of the primary, the depth part of the ENETS T category.
public enum PrimaryExtent: String, CaseIterable, Sendable, Codable {
  /// Pancreas: confined to the pancreas.
  case confined
  /// Pancreas: invades the duodenum or the bile duct.
  case duodenumOrBileDuct = "duodenum_or_bile_duct"
  /// Pancreas: invades adjacent organs or the wall of large vessels.
  case adjacentOrgansOrVessels = "adjacent_organs_or_vessels"
  /// Jejunum/ileum: mucosa or submucosa.
  case mucosaSubmucosa = "mucosa_submucosa"
  /// Jejunum/ileum: muscularis propria.
  case muscularisPropria = "muscularis_propria"
  /// Jejunum/ileum: into the subserosa.
  case subserosa
  /// Jejunum/ileum: through the serosa or into other organs.
  case serosaOrAdjacentOrgans = "serosa_or_adjacent_organs"
}

/// Whether the primary is still in place.
public enum PrimaryStatus: String, CaseIterable, Sendable, Codable {
  /// Still in place.
  case inSitu = "in_situ"
  /// Already removed.
  case resected
  /// Not known.
  case unknown
}

/// Regional nodes of the primary.
public enum NodalStatus: String, CaseIterable, Sendable, Codable {
  /// No regional node metastases.
  case n0 = "N0"
  /// Regional node metastases.
  case n1 = "N1"
  /// Regional nodes not assessed.
  case nx = "NX"
}

/// Morphological differentiation.
public enum Differentiation: String, CaseIterable, Sendable, Codable {
  /// Well differentiated.
  case well
  /// Poorly differentiated.
  case poor
  /// Not known (no histology yet).
  case unknown
}

/// Growth pattern of the liver metastases.
public enum LiverPattern: String, CaseIterable, Sendable, Codable {
  /// One metastasis of any size.
  case single
  /// One dominant bulk with smaller deposits.
  case dominantWithSatellites = "dominant_with_satellites"
  /// Disseminated spread.
  case disseminated
}

/// How much of the liver disease surgery can remove.
public enum Resectability: String, CaseIterable, Sendable, Codable {
  /// All LM removable in one operation with an adequate remnant.
  case complete
  /// All LM removable in two stages, ± portal vein embolisation.
  case twoStage = "two_stage"
  /// At least 90 % of the tumour burden removable.
  case debulkable
  /// Not resectable.
  case none
}

/// Distant disease outside the liver now present (not the primary and its regional nodes).
public enum ExtrahepaticDisease: String, CaseIterable, Sendable, Codable {
  /// None present (disease already removed counts as none).
  case none
  /// Present and resectable.
  case resectable
  /// Present and unresectable.
  case unresectable
  /// Not known.
  case unknown
}

/// Somatostatin-receptor status on SRS or 68Ga-DOTATOC PET/CT.
public enum SSTRStatus: String, CaseIterable, Sendable, Codable {
  /// Receptor-positive.
  case positive
  /// Receptor-negative.
  case negative
  /// Not imaged.
  case unknown
}

/// A contraindication the decision takes into account.
public enum Contraindication: String, CaseIterable, Sendable, Codable {
  /// Portal vein thrombosis; bars TACE.
  case portalVeinThrombosis = "portal_vein_thrombosis"
  /// Liver failure; decides rule D2a.
  case liverFailure = "liver_failure"
  /// Bilioenteric anastomosis (e.g. after a Whipple operation); bars TACE.
  case bilioentericAnastomosis = "bilioenteric_anastomosis"

  /// The contraindication in words.
  public var name: String {
    switch self {
    case .portalVeinThrombosis: "portal vein thrombosis"
    case .liverFailure: "liver failure"
    case .bilioentericAnastomosis: "bilioenteric anastomosis"
    }
  }
}
