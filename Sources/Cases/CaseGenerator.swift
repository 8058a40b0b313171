import Clinical
import Course
import Identifiers

/// Builds new, coherent patients from a seed: the same seed gives the same case on every
/// machine and run.
///
/// A generated case tells its story in two to four stages; every step is answered by the
/// clinical engine on the facts of its stage, and a step the engine cannot answer is never
/// asked.
public enum CaseGenerator {
  /// The case a generated id names (`random:SEED[:TOPIC]`), under that id as written; nil
  /// when the id is not a well-formed generated one.
  public static func generate(_ id: CaseID) -> ClinicalCase? {
    guard let generated = id.generated else { return nil }
    var found = generate(seed: generated.seed, topic: generated.topic)
    found.id = id
    return found
  }

  /// The case for `seed`, leaning to `topic` when given (else the seed picks the topic), with
  /// the id `random:SEED`.
  public static func generate(seed: UInt64, topic: CaseTopic? = nil) -> ClinicalCase {
    var choice = RandomSource(seed: seed, stream: 1)
    let drawn = choice.pick(CaseTopic.allCases, or: .treatment)
    let focus = topic ?? drawn
    var draws = RandomSource(seed: seed, stream: 2)
    let (patient, facts) = validPatient(focus, using: &draws)
    var assembler = CaseAssembler(seed: seed, topic: focus, patient: patient, facts: facts)
    return assembler.assemble()
  }

  /// A patient whose facts the parser accepts at every stage of the story, with those facts
  /// (the stages are told from them: parsing facts was most of making a case, which an
  /// export does once for every generated case in the log).
  ///
  /// The draw is meant to be valid by construction; the parser has the last word, and a
  /// refused draw is replaced by the next one.
  static func validPatient(_ topic: CaseTopic, using rng: inout RandomSource)
    -> (GeneratedPatient, [GeneratedPatient.Reveal: CaseFacts])
  {
    for _ in 0..<100 {
      let patient = GeneratedPatient.draw(topic: topic, using: &rng)
      var facts: [GeneratedPatient.Reveal: CaseFacts] = [:]
      for reveal in GeneratedPatient.Reveal.allCases {
        guard let parsed = patient.facts(revealing: reveal) else { break }
        facts[reveal] = parsed
      }
      if facts.count == GeneratedPatient.Reveal.allCases.count { return (patient, facts) }
    }
    return (fallbackPatient, [:])
  }

  /// A patient known to be valid, should every draw ever be refused.
  static let fallbackPatient = GeneratedPatient(
    age: 52, sex: .woman, site: .ileum, sizeCm: 1.5, extent: .subserosa, status: .resected,
    nodes: .n1, differentiation: .well, ki67: 4, mitoses: 1, pattern: .disseminated,
    involvement: 30, resectability: .none, extrahepatic: .none, distantSite: .nodes,
    sstr: .positive, syndrome: .carcinoid, complaint: .pain, progressive: false, fit: true,
    frailty: .frail, stableMonths: 12, onSSA: false, contraindications: [], symptomMonths: 24,
    whipple: false)

  /// The fallback patient's final facts, for a stage whose facts are (never) refused.
  static let fallbackFacts = CaseFacts(
    age: 52, primary: .init(site: .ileum, sizeCm: 1.5, extent: .subserosa, status: .resected),
    nodes: .n1, pathology: .init(differentiation: .well, ki67: 4, mitoses: 1),
    liver: .init(pattern: .disseminated, involvementPercent: 30, resectability: .none),
    extrahepatic: .none, sstr: .positive, syndrome: true, progressive: false,
    fitForSurgery: true, stableMonths: 12)
}
