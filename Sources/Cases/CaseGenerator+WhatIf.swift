import Clinical
import Course
import Foundation
import Identifiers

/// One change to the final facts for a "what if" step, with the kinds worth asking about it.
struct WhatIfChange {
  enum Kind: CaseIterable {
    case age, ki67, involvement, extrahepatic, contraindication, fitness, ssa, noLiver
  }

  var kind: Kind
  /// The change in words.
  var text: String
  var object: [String: Any]
  var asks: [CaseStepKind]
}

extension GeneratedPatient {
  /// The changes this patient allows, of the given kind (none when it would not make sense).
  func whatIfChanges(
    _ kind: WhatIfChange.Kind, at reveal: Reveal, rng: inout RandomSource
  ) -> [WhatIfChange] {
    var changed = self
    let text: String
    let asks: [CaseStepKind]
    switch kind {
    case .age:
      changed.age = age > 55 ? rng.int(in: 38...52) : rng.int(in: 60...72)
      text = "age \(changed.age) instead of \(age)"
      asks = [.transplantEligible, .milanFailures, .treatment]
    case .ki67:
      guard differentiation == .well, let ki67 else { return [] }
      let high = ki67 > 20 || (mitoses ?? 0) > 20
      changed.ki67 = high ? Double(rng.int(in: 5...15)) : Double(rng.int(in: 25...40))
      if high, let mitoses, mitoses > 3 { changed.mitoses = 3 }
      let mitosisNote =
        changed.mitoses == mitoses ? "" : " and 3 mitoses per 10 HPF"
      text =
        "Ki-67 \(Self.number(changed.ki67 ?? 0)) %\(mitosisNote) instead of \(Self.number(ki67)) %"
      asks = [.grade, .who2010, .treatment, .transplantEligible]
    case .involvement:
      guard pattern != .single else { return [] }
      changed.involvement =
        involvement > 50 ? Double(rng.int(in: 6...9) * 5) : Double(rng.int(in: 12...15) * 5)
      text =
        "liver involvement \(Self.number(changed.involvement)) % instead of \(Self.number(involvement)) %"
      asks = [.transplantEligible, .milanFailures, .treatment]
    case .extrahepatic:
      switch extrahepatic {
      case .none:
        changed.extrahepatic = rng.chance(0.6) ? .unresectable : .resectable
      case .resectable, .unresectable, .unknown: changed.extrahepatic = .none
      }
      text = Self.spreadText(changed.extrahepatic)
      asks =
        changed.extrahepatic == .resectable ? [.adjuncts, .treatment] : [.treatment, .adjuncts]
    case .contraindication:
      let absent = Contraindication.allCases.filter { !contraindications.contains($0) }
      guard let added = absent.isEmpty ? nil : rng.pick(absent, or: .portalVeinThrombosis) else {
        return []
      }
      changed.contraindications.append(added)
      text = "also \(added.name)"
      asks = [.treatment, .adjuncts]
    case .fitness:
      changed.fit.toggle()
      text = fit ? "unfit for major liver surgery" : "fit for major liver surgery"
      asks = [.treatment, .adjuncts]
    case .ssa:
      // Only where an SSA can change the decision: a syndrome, or progression.
      guard isLowGrade, hasSyndrome || progressive else { return [] }
      changed.onSSA.toggle()
      if onSSA {
        text = "no somatostatin analogue given so far"
      } else {
        text =
          hasSyndrome
          ? "the syndrome persisting on a somatostatin analogue"
          : "the growth having happened on a somatostatin analogue"
      }
      var object = changed.object(revealing: reveal)
      object["onSSA"] = changed.onSSA
      return [WhatIfChange(kind: kind, text: text, object: object, asks: [.treatment, .adjuncts])]
    case .noLiver:
      var object = changed.object(revealing: reveal)
      object["liver"] = NSNull()
      object["extrahepatic"] = ExtrahepaticDisease.none.rawValue
      return [
        WhatIfChange(
          kind: kind, text: "the liver lesions proved to be haemangiomas, with no other metastases",
          object: object, asks: [.stage])
      ]
    }
    return [
      WhatIfChange(kind: kind, text: text, object: changed.object(revealing: reveal), asks: asks)
    ]
  }

  static func spreadText(_ spread: ExtrahepaticDisease) -> String {
    switch spread {
    case .none, .unknown: "no disease outside the liver"
    case .resectable: "a single resectable deposit outside the liver"
    case .unresectable: "unresectable bone metastases"
    }
  }

  /// `12`, not `12.0`; `2.5` as is.
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
  }
}

extension CaseStepMaker {
  /// One "what if" step, preferring the topic's kinds of change and a change that alters the
  /// answer; nil when no change gives a step with an answer key.
  mutating func whatIfStep(
    for patient: GeneratedPatient, at reveal: GeneratedPatient.Reveal, base: CaseFacts,
    topic: CaseTopic
  ) -> CaseStep? {
    let preferred: [WhatIfChange.Kind] =
      switch topic {
      case .grading: [.ki67, .age]
      case .staging: [.noLiver, .extrahepatic]
      case .transplant: [.age, .involvement]
      case .treatment: [.contraindication, .extrahepatic, .fitness, .ssa]
      }
    let rest = WhatIfChange.Kind.allCases.filter { !preferred.contains($0) }
    var fallback: CaseStep?
    for kind in rng.shuffle(preferred) + rng.shuffle(rest) {
      for change in patient.whatIfChanges(kind, at: reveal, rng: &rng) {
        guard let facts = try? CaseFactsParser.parse(object: change.object).get() else { continue }
        for ask in rng.shuffle(change.asks) {
          guard let step = probe(ask, facts: facts, whatIf: change.text) else { continue }
          let before = CaseStep(id: "before", kind: ask, facts: base, options: step.options)
          let old = try? before.answerKey().get().correct
          let new = try? step.answerKey().get().correct
          if old != new { return commit(step) }
          if fallback == nil { fallback = step }
        }
      }
    }
    return fallback.map { commit($0) }
  }
}
