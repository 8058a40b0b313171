import Clinical
import Identifiers

extension GeneratedPatient {
  /// Draws a patient whose facts fit together, leaning to `topic`.
  static func draw(topic: CaseTopic, using rng: inout RandomSource) -> GeneratedPatient {
    let transplant = topic == .transplant
    let site = drawSite(topic, &rng)
    var age = transplant && rng.chance(0.8) ? rng.int(in: 28...55) : drawAge(&rng)
    let status: PrimaryStatus
    if site == .unknown {
      status = .unknown
    } else if site == .appendix {
      // Appendiceal NETs are found at appendicectomy.
      status = .resected
    } else {
      let resected = transplant ? 0.8 : (topic == .staging ? 0.55 : 0.35)
      status = rng.chance(resected) ? .resected : .inSitu
    }
    let syndrome = drawSyndrome(site, &rng)
    var patient = GeneratedPatient(
      age: age, sex: rng.chance(0.5) ? .woman : .man, site: site, sizeCm: nil, extent: nil,
      status: status, nodes: .nx, differentiation: .well, ki67: nil, mitoses: nil,
      pattern: .disseminated, involvement: 40, resectability: .none, extrahepatic: .none,
      distantSite: .nodes, sstr: .positive, syndrome: syndrome, complaint: .incidental,
      progressive: false, fit: true, frailty: .frail, stableMonths: nil, onSSA: false,
      contraindications: [], symptomMonths: 6, whipple: false)
    patient.drawPrimary(topic, &rng)
    patient.drawPathology(topic, &rng)
    patient.drawLiver(topic, &rng)
    patient.drawCourse(topic, &rng)
    if patient.differentiation == .poor && patient.status == .resected {
      patient.status = .inSitu
    }
    if !patient.fit && age < 60 && rng.chance(0.5) { age += 15 }
    patient.age = min(age, 80)
    patient.symptomMonths = drawDuration(age: patient.age, patient.complaint, &rng)
    return patient
  }

  private static func drawAge(_ rng: inout RandomSource) -> Int {
    let band = rng.weighted(
      [(25...39, 10), (40...54, 30), (55...69, 40), (70...80, 20)], or: 40...70)
    return rng.int(in: band)
  }

  private static func drawSite(_ topic: CaseTopic, _ rng: inout RandomSource) -> PrimarySite {
    let weights: [(PrimarySite, Int)] =
      switch topic {
      case .staging:
        [(.ileum, 35), (.pancreas, 38), (.jejunum, 15), (.rectum, 4), (.unknown, 4), (.colon, 4)]
      case .transplant:
        [
          (.ileum, 33), (.pancreas, 25), (.jejunum, 10), (.rectum, 7), (.colon, 5),
          (.stomach, 5), (.duodenum, 5), (.appendix, 3), (.unknown, 7),
        ]
      case .grading, .treatment:
        [
          (.ileum, 28), (.pancreas, 30), (.jejunum, 8), (.unknown, 8), (.stomach, 5),
          (.duodenum, 4), (.appendix, 3), (.colon, 5), (.rectum, 9),
        ]
      }
    return rng.weighted(weights, or: .ileum)
  }

  private static func drawSyndrome(_ site: PrimarySite, _ rng: inout RandomSource) -> Syndrome {
    switch site {
    case .jejunum, .ileum: rng.chance(0.55) ? .carcinoid : .none
    case .unknown: rng.chance(0.35) ? .carcinoid : .none
    case .pancreas: rng.weighted([(.vipoma, 8), (.glucagonoma, 7), (.none, 85)], or: .none)
    case .stomach, .duodenum, .appendix, .colon: rng.chance(0.05) ? .carcinoid : .none
    case .rectum: .none
    }
  }

  /// Months of symptoms: short for a young patient, and weeks for jaundice.
  private static func drawDuration(
    age: Int, _ complaint: Complaint, _ rng: inout RandomSource
  ) -> Int {
    if complaint == .jaundice { return 1 }
    let longest = age < 35 ? 24 : 60
    return rng.pick([2, 3, 4, 6, 8, 9, 12, 18, 24, 36, 48, 60].filter { $0 <= longest }, or: 6)
  }

  private mutating func drawPrimary(_ topic: CaseTopic, _ rng: inout RandomSource) {
    switch site {
    case .pancreas:
      let size = rng.tenths(10, 80)
      sizeCm = size
      var options: [(PrimaryExtent, Int)] = [(.confined, 60)]
      if size >= 2 { options.append((.duodenumOrBileDuct, 20)) }
      if size >= 3 { options.append((.adjacentOrgansOrVessels, 20)) }
      extent = rng.weighted(options, or: .confined)
    case .jejunum, .ileum:
      let size = rng.tenths(5, 30)
      sizeCm = size
      if status == .resected {
        var options: [(PrimaryExtent, Int)] = [
          (.muscularisPropria, 25), (.subserosa, 35), (.serosaOrAdjacentOrgans, 25),
        ]
        if size <= 1.5 { options.append((.mucosaSubmucosa, 30)) }
        extent = rng.weighted(options, or: .subserosa)
      } else if size >= 1.5 && rng.chance(topic == .staging ? 0.6 : 0.3) {
        // Before surgery only gross invasion of a neighbouring loop is seen on imaging.
        extent = .serosaOrAdjacentOrgans
      }
    case .stomach, .appendix, .rectum: sizeCm = rng.chance(0.9) ? rng.tenths(5, 25) : nil
    case .duodenum: sizeCm = rng.chance(0.9) ? rng.tenths(5, 20) : nil
    case .colon: sizeCm = rng.chance(0.9) ? rng.tenths(10, 50) : nil
    case .unknown: break
    }
    if site == .unknown {
      nodes = .nx
    } else if status == .resected {
      nodes = rng.chance(isSmallBowel ? 0.8 : 0.6) ? .n1 : .n0
    } else {
      nodes = rng.weighted([(.n1, 50), (.n0, 20), (.nx, topic == .staging ? 10 : 30)], or: .nx)
    }
    complaint = drawComplaint(&rng)
  }

  private func drawComplaint(_ rng: inout RandomSource) -> Complaint {
    if site == .pancreas && extent == .duodenumOrBileDuct && status == .inSitu
      && rng.chance(0.6)
    {
      return .jaundice
    }
    let local: Complaint =
      switch site {
      case .rectum, .colon: .bleeding
      case .stomach, .duodenum: .dyspepsia
      default: .pain
      }
    return rng.weighted([(local, 40), (.incidental, 35), (.weightLoss, 25)], or: .incidental)
  }
}
