import Clinical

/// A part of a generated story; a stage tells one or more of them.
enum StorySegment: Sendable, CaseIterable {
  case presentation, pathology, staging, board

  var title: String {
    switch self {
    case .presentation: "Presentation"
    case .pathology: "Pathology"
    case .staging: "Staging"
    case .board: "Board discussion"
    }
  }
}

/// Renders a generated patient as readable clinical English, wording varied by the seed.
///
/// Every number in the text is one the facts hold; no sentence claims an outcome.
struct CaseNarrative {
  let patient: GeneratedPatient
  var rng: RandomSource
  /// Whether the pathology came with the resected primary rather than a liver biopsy.
  let pathologyFromResection: Bool

  /// The text of a stage that tells `segments`: paragraphs separated by blank lines.
  mutating func text(for segments: [StorySegment]) -> String {
    segments.map { segment in
      switch segment {
      case .presentation: presentation()
      case .pathology: pathology()
      case .staging: staging()
      case .board: board()
      }
    }.joined(separator: "\n\n")
  }

  var he: String { patient.sex == .man ? "he" : "she" }
  var sentenceHe: String { patient.sex == .man ? "He" : "She" }
  var him: String { patient.sex == .man ? "him" : "her" }
  var his: String { patient.sex == .man ? "his" : "her" }

  mutating func one(_ choices: [String]) -> String {
    rng.pick(choices, or: choices.first ?? "")
  }

  func num(_ value: Double) -> String { GeneratedPatient.number(value) }

  private mutating func presentation() -> String {
    let p = patient
    let who = p.sex == .man ? "man" : "woman"
    let opening = one(["A \(p.age)-year-old \(who)", "A \(who) aged \(p.age)"])
    var sentences = ["\(opening) \(complaint())."]
    if p.status == .resected { sentences.append(history()) }
    let modality = one(["Contrast-enhanced CT", "CT of the abdomen", "Liver MRI"])
    sentences.append("\(modality) shows \(liverFinding()).")
    if p.status == .inSitu || p.site == .unknown { sentences.append(primaryFinding()) }
    if p.contraindications.contains(.portalVeinThrombosis) {
      sentences.append("The portal vein is thrombosed.")
    }
    if p.contraindications.contains(.bilioentericAnastomosis) && !p.whipple {
      sentences.append(
        "\(sentenceHe) has a bilioenteric anastomosis from earlier surgery on the bile duct.")
    }
    return sentences.joined(separator: " ")
  }

  private mutating func complaint() -> String {
    let time = Self.duration(patient.symptomMonths)
    switch patient.syndrome {
    case .carcinoid:
      return one([
        "has had episodes of flushing and watery diarrhoea for \(time)",
        "has had bouts of facial flushing and loose stools for \(time), sometimes with wheeze",
        "describes \(time) of flushing attacks, often after alcohol, with diarrhoea several "
          + "times a day",
      ])
    case .vipoma:
      return one([
        "has had profuse watery diarrhoea for \(time), and blood tests show a low potassium",
        "has had large-volume watery diarrhoea for \(time) that continues on fasting",
      ])
    case .glucagonoma:
      return one([
        "has had a painful, migrating red rash on the legs and groin for \(time), with weight "
          + "loss and new diabetes",
        "has lost weight over \(time) and developed diabetes and a blistering rash that moves "
          + "around the groin and legs",
      ])
    case .none: break
    }
    switch patient.complaint {
    case .pain where patient.isSmallBowel:
      return one([
        "has had intermittent cramping abdominal pain after meals for \(time)",
        "has had episodes of colicky central abdominal pain for \(time)",
      ])
    case .pain:
      return one([
        "has had vague upper abdominal pain for \(time)",
        "has had a dull ache in the upper abdomen for \(time)",
      ])
    case .incidental where patient.status == .resected:
      return "has no symptoms; follow-up imaging has found lesions in the liver"
    case .incidental:
      return one([
        "feels well; an ultrasound for suspected gallstones found lesions in the liver",
        "has no symptoms; a scan done for another reason showed lesions in the liver",
      ])
    case .weightLoss:
      return one(["has lost weight and felt tired for \(time)", "has felt tired for \(time)"])
    case .jaundice: return "noticed yellow eyes and dark urine a few weeks ago"
    case .bleeding: return "has had occasional blood in the stool for \(time)"
    case .dyspepsia: return "has had upper abdominal discomfort and indigestion for \(time)"
    }
  }

  /// Months in words, as a clinician would say them.
  static func duration(_ months: Int) -> String {
    let words = [
      1: "a month", 2: "two months", 3: "three months", 4: "four months", 6: "six months",
      8: "eight months", 9: "nine months", 12: "a year", 18: "a year and a half",
      24: "two years", 36: "three years", 48: "four years", 60: "five years",
    ]
    return words[months] ?? "some months"
  }

  private mutating func liverFinding() -> String {
    let lesions =
      switch patient.pattern {
      case .single: one(["a single liver metastasis", "one solitary lesion in the liver"])
      case .dominantWithSatellites:
        one([
          "a dominant liver lesion with smaller satellite deposits",
          "one large liver lesion surrounded by several smaller ones",
        ])
      case .disseminated:
        one([
          "innumerable small lesions scattered through both lobes of the liver",
          "diffuse nodules throughout both lobes of the liver",
        ])
      }
    return "\(lesions); tumour replaces about \(num(patient.involvement)) % of the liver"
  }
}
