import Clinical
import Identifiers

extension GeneratedPatient {
  /// The kind of histology story, which fixes how Ki-67 and the mitoses are drawn.
  private enum Histology { case g1, g2, borderline, discordant, wellG3, poor }

  mutating func drawPathology(_ topic: CaseTopic, _ rng: inout RandomSource) {
    let weights: [(Histology, Int)] =
      switch topic {
      case .grading:
        [(.g1, 22), (.g2, 30), (.borderline, 12), (.discordant, 12), (.wellG3, 12), (.poor, 12)]
      case .transplant: [(.g1, 45), (.g2, 48), (.borderline, 4), (.discordant, 3)]
      case .staging:
        [(.g1, 35), (.g2, 45), (.borderline, 5), (.discordant, 5), (.wellG3, 5), (.poor, 5)]
      case .treatment:
        [(.g1, 30), (.g2, 45), (.borderline, 5), (.discordant, 4), (.wellG3, 8), (.poor, 8)]
      }
    let histology = rng.weighted(weights, or: .g2)
    differentiation = histology == .poor ? .poor : .well
    switch histology {
    case .g1:
      ki67 = rng.pick([0.5, 1, 1.5, 2], or: 1)
      mitoses = rng.chance(0.75) ? Double(rng.int(in: 0...1)) : nil
    case .g2:
      ki67 = Double(rng.int(in: 3...20))
      mitoses = rng.chance(0.7) ? Double(rng.int(in: 0...10)) : nil
    case .borderline:
      // The gap between the ENETS cut-offs (section 6, item 2).
      ki67 = rng.pick([2.2, 2.5, 2.8], or: 2.5)
      mitoses = rng.chance(0.6) ? Double(rng.int(in: 0...1)) : nil
    case .discordant:
      ki67 = rng.pick([1, 1.5, 2], or: 2)
      mitoses = Double(rng.int(in: 2...6))
    case .wellG3:
      // Mostly within NETTER-2's range (up to 55 %), sometimes above it.
      ki67 = Double(rng.chance(0.25) ? rng.int(in: 56...70) : rng.int(in: 21...55))
      mitoses = rng.chance(0.5) ? Double(rng.int(in: 3...25)) : nil
    case .poor:
      ki67 = Double(rng.int(in: 8...18) * 5)
      mitoses = rng.chance(0.6) ? Double(rng.int(in: 21...60)) : nil
    }
  }

  mutating func drawLiver(_ topic: CaseTopic, _ rng: inout RandomSource) {
    let patterns: [(LiverPattern, Int)] =
      switch topic {
      case .treatment: [(.single, 25), (.dominantWithSatellites, 30), (.disseminated, 45)]
      case .transplant: [(.single, 10), (.dominantWithSatellites, 15), (.disseminated, 75)]
      case .grading, .staging: [(.single, 22), (.dominantWithSatellites, 18), (.disseminated, 60)]
      }
    pattern = rng.weighted(patterns, or: .disseminated)
    let unresectable = topic == .transplant ? 3 : 1
    switch pattern {
    case .single:
      involvement = rng.pick([3, 4, 5, 6, 8, 10, 12, 15, 20, 25], or: 10)
      resectability = rng.weighted(
        [(.complete, 80), (.twoStage, 8), (.none, 12 * unresectable)], or: .complete)
    case .dominantWithSatellites:
      involvement = Double(rng.int(in: 2...10) * 5)
      resectability = rng.weighted(
        [(.complete, 25), (.twoStage, 30), (.debulkable, 30), (.none, 15 * unresectable)],
        or: .twoStage)
    case .disseminated:
      // Type III replaces much of the liver and cannot be cleared.
      let low = topic == .transplant && rng.chance(0.8)
      involvement = Double(rng.int(in: 5...(low ? 10 : 17)) * 5)
      resectability = rng.weighted([(.debulkable, 30), (.none, 70 * unresectable)], or: .none)
    }
  }

  mutating func drawCourse(_ topic: CaseTopic, _ rng: inout RandomSource) {
    let lowGrade = isLowGrade
    var spread: [(ExtrahepaticDisease, Int)] =
      switch topic {
      case .transplant: [(.none, 85), (.resectable, 5), (.unresectable, 10)]
      case .treatment: [(.none, 55), (.resectable, 15), (.unresectable, 30)]
      case .grading, .staging: [(.none, 65), (.resectable, 10), (.unresectable, 25)]
      }
    if !lowGrade { spread.append((.unresectable, 30)) }
    extrahepatic = rng.weighted(spread, or: .none)
    var sites: [DistantSite] = [.lung, .peritoneum, .nodes]
    if extrahepatic == .unresectable { sites.append(.bone) }
    if extrahepatic == .resectable && sex == .woman { sites.append(.ovary) }
    distantSite = rng.pick(sites, or: .nodes)
    let receptors =
      lowGrade ? (site == .pancreas ? 0.7 : 0.85) : (differentiation == .well ? 0.6 : 0.3)
    sstr = rng.chance(receptors) ? .positive : .negative
    let progression = !lowGrade ? 0.75 : (topic == .transplant ? 0.12 : 0.4)
    progressive = rng.chance(progression)
    if progressive {
      stableMonths = rng.chance(0.4) ? Double(rng.int(in: 0...5)) : nil
    } else if topic == .transplant && rng.chance(0.9) {
      stableMonths = Double(rng.int(in: 6...36))
    } else {
      let long = Double(rng.int(in: 6...36))
      let short = Double(rng.int(in: 2...5))
      stableMonths = rng.weighted([(long, 60), (short, 15), (nil, 25)], or: nil)
    }
    let fitness = topic == .transplant ? 0.95 : (age >= 72 ? 0.65 : 0.88)
    fit = rng.chance(fitness)
    frailty = rng.pick([.heart, .lung, .frail], or: .frail)
    // An SSA is the first treatment of a syndrome and of receptor-positive progression; some
    // patients come to the board already on one.
    if lowGrade && (hasSyndrome || progressive) {
      onSSA = rng.chance(topic == .treatment || topic == .transplant ? 0.5 : 0.35)
    }
    drawContraindications(topic, &rng)
  }

  private mutating func drawContraindications(_ topic: CaseTopic, _ rng: inout RandomSource) {
    if site == .pancreas && status == .resected
      && (extent == .duodenumOrBileDuct || rng.chance(0.35))
    {
      whipple = true
      contraindications.append(.bilioentericAnastomosis)
    }
    let chance: Double =
      switch topic {
      case .treatment: 0.14
      case .transplant: 0.1
      case .grading, .staging: 0.06
      }
    guard rng.chance(chance) else { return }
    var choices: [(Contraindication, Int)] = [(.portalVeinThrombosis, 40)]
    if !whipple { choices.append((.bilioentericAnastomosis, 25)) }
    // A failing liver goes with a liver largely replaced by tumour; in a poorly differentiated
    // tumour rule D2 decides at the pathology, and the story stops before the board would hear
    // of it.
    if involvement >= 50 && differentiation == .well { choices.append((.liverFailure, 40)) }
    let drawn = rng.weighted(choices, or: .portalVeinThrombosis)
    if !contraindications.contains(drawn) { contraindications.append(drawn) }
  }
}
