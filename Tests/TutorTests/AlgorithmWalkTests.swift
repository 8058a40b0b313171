import Clinical
import Testing
@testable import Tutor

@Suite("Walking the algorithm")
struct AlgorithmWalkTests {
  /// Starts a walk and gives `answers` in turn ("" takes the default); returns all output.
  func walk(_ answers: [String]) -> (text: String, tutor: Tutor) {
    var tutor = TutorFixture.tutor()
    var text = tutor.accept("algorithm").wideText
    for answer in answers { text += tutor.accept(answer).wideText }
    return (text, tutor)
  }

  @Test("values are shown and typed in words: `in situ`, `portal vein thrombosis` (B11)")
  func valuesInWords() {
    let (text, _) = walk([
      "", "", "in situ", "", "portal vein thrombosis, bilioenteric anastomosis",
    ])
    #expect(!text.contains("Choose"))
    #expect(text.contains("in situ | resected"))
    #expect(ClinicalWords.leakedIdentifiers(in: text).isEmpty, "\(text)")
    #expect(
      FactQuestion.phrases(
        in: "liver-failure portal_vein_thrombosis", of: ["liver_failure", "portal_vein_thrombosis"])
        == ["liver_failure", "portal_vein_thrombosis"])
    #expect(FactQuestion.phrases(in: "portal vein", of: ["portal_vein_thrombosis"]) == nil)
  }

  @Test("Enter at every question takes the defaults: a single resectable metastasis, D6")
  func defaults() {
    let (text, tutor) = walk(Array(repeating: "", count: 17))
    #expect(text.contains("Decision: curative hepatic resection"))
    // Resection does not depend on an SSA: the question is not asked.
    #expect(!text.contains("Already on a somatostatin analogue"))
    #expect(tutor.prompt == "nelm> ")
  }

  /// Age, site, status, nodes, contraindications, syndrome: the facts before histology.
  static let patient = ["", "", "", "", "", ""]

  @Test("liver failure is asked first and decides at once with the syndrome: D2a")
  func liverFailure() {
    let (text, tutor) = walk(["", "", "", "", "liver_failure", "no"])
    #expect(text.contains("Liver failure comes first of all"))
    #expect(ClinicalWords.leakedIdentifiers(in: text).isEmpty, "\(text)")
    #expect(text.contains("best: best supportive care"))
    #expect(!text.contains("Differentiation on histology"))
    #expect(!tutor.isWalking)
    let (syndrome, _) = walk(["", "", "", "", "liver_failure portal_vein_thrombosis", "yes"])
    #expect(syndrome.contains("best: somatostatin analogue (SSA)"))
  }

  @Test("unknown differentiation ends at D1: biopsy first")
  func biopsyFirst() {
    let (text, tutor) = walk(Self.patient + ["unknown"])
    #expect(text.contains("Without histology"))
    #expect(ClinicalWords.leakedIdentifiers(in: text).isEmpty, "\(text)")
    #expect(!tutor.isWalking)
  }

  @Test("poorly differentiated ends at D2")
  func nec() {
    let (text, _) = walk(Self.patient + ["poor"])
    #expect(ClinicalWords.leakedIdentifiers(in: text).isEmpty, "\(text)")
    #expect(text.contains("best: cisplatin or carboplatin with etoposide"))
  }

  @Test("Ki-67 30 % is a NET G3: staged first, then D2b; resection when it can be complete")
  func grade3() {
    let (text, tutor) = walk(Self.patient + ["well", "30", "1", "", ""])
    #expect(text.contains("since WHO 2017/2019 a well-differentiated G3 tumour is a NET G3"))
    #expect(text.contains("A well-differentiated NET G3"))
    #expect(tutor.isWalking)
    let (done, _) = walk(Self.patient + ["well", "30", "1", "", "", "", "", "", ""])
    #expect(done.contains("Decision: curative hepatic resection"))
    // A NET G3 is not asked about the course of the disease or an SSA.
    #expect(!done.contains("Progression on imaging"))
    #expect(!done.contains("Already on a somatostatin analogue"))
    let (platinum, _) = walk(
      Self.patient + ["well", "60", "1", "", "", "", "disseminated", "", ""])
    #expect(platinum.contains("Decision: cisplatin or carboplatin with etoposide"))
  }

  @Test("unknown receptor status ends at D3: staging first")
  func stagingFirst() {
    let (text, _) = walk(Self.patient + ["", "", "", "", "unknown"])
    #expect(text.contains("Staging is incomplete"))
    #expect(ClinicalWords.leakedIdentifiers(in: text).isEmpty, "\(text)")
    // B13: the liver was never asked about, so its type is not reported as known.
    #expect(text.contains("liver-metastasis type: not asked"))
    #expect(!text.contains("liver-metastasis type: I "))
  }

  @Test("unresectable extrahepatic disease goes to systemic treatment first (D4)")
  func systemicFirst() {
    let answers =
      ["", "pancreas", "", "", "", "no", "", "", "", "unresectable", "negative", "yes"]
      + Array(repeating: "", count: 5)
    let (text, _) = walk(answers)
    #expect(text.contains("Unresectable extrahepatic disease"))
    #expect(ClinicalWords.leakedIdentifiers(in: text).isEmpty, "\(text)")
    #expect(text.contains("best: streptozocin-based chemotherapy"))
    #expect(text.contains("temozolomide- or 5-FU-based chemotherapy"))
  }

  @Test("the SSA question comes when it changes the decision, and the answer decides N1 or N2")
  func somatostatinAnalogue() {
    // A syndrome, unfit for surgery, everything else by default: D5, N1 or N2.
    let answers =
      ["", "", "", "", "", "yes"] + Array(repeating: "", count: 7) + ["no"]
      + Array(repeating: "", count: 3)
    let (asked, tutor) = walk(answers)
    #expect(asked.contains("Already on a somatostatin analogue"))
    #expect(tutor.isWalking)
    let (naive, _) = walk(answers + ["no"])
    #expect(naive.contains("Not yet on an SSA"))
    #expect(ClinicalWords.leakedIdentifiers(in: naive).isEmpty, "\(naive)")
    #expect(naive.contains("Decision: somatostatin analogue (SSA)"))
    let (refractory, _) = walk(answers + ["yes"])
    #expect(ClinicalWords.leakedIdentifiers(in: refractory).isEmpty, "\(refractory)")
    #expect(refractory.contains("Decision: transarterial embolisation or chemoembolisation"))
  }

  @Test("a wrong value is refused with what is allowed, and the question stays")
  func invalidAnswer() {
    var tutor = TutorFixture.tutor()
    _ = tutor.accept("algorithm")
    let reply = tutor.accept("fifty")
    #expect(reply.isError)
    #expect(reply.text.contains("Give a whole number 0–120."))
    #expect(tutor.accept("200").text.contains("0–120"))
    #expect(tutor.accept("61").text.contains("Site of the primary"))
  }

  @Test("Tab offers the allowed values; Ctrl-C and menu leave the walk")
  func completionAndLeaving() {
    var tutor = TutorFixture.tutor()
    _ = tutor.accept("algorithm")
    _ = tutor.accept("")
    #expect(tutor.completions(for: "pa") == ["pancreas"])
    #expect(tutor.interrupt().text.contains("Left the algorithm walk"))
    #expect(tutor.prompt == "nelm> ")
    _ = tutor.accept("algorithm")
    #expect(tutor.accept("menu").text.contains("Left the algorithm walk"))
    #expect(!tutor.isWalking)
  }
}

extension Reply {
  /// The reply as text without wrapping, so phrases can be looked for whole.
  var wideText: String {
    TextRenderer(width: 10_000, color: false, proseWidth: 10_000).render(blocks)
  }
}

extension Tutor {
  var isWalking: Bool { prompt == "algorithm> " }
}

@Suite("Fact questions")
struct FactQuestionTests {
  @Test(
    "a huge number where no maximum is set is read back, not a crash (fuzz finding)",
    arguments: ["1e300", "99999999999999999999", "1e19"])
  func hugeNumber(text: String) throws {
    let question = FactQuestion(
      path: "pathology.mitoses", prompt: "Mitoses per 10 HPF",
      kind: .number(minimum: 0, maximum: nil, integer: false, optional: true),
      defaultValue: { _ in "1" })
    let value = try question.read(text).get()
    #expect(Double(value) == Double(text))
  }

  @Test("whole numbers read back without a decimal point")
  func wholeNumber() throws {
    let question = FactQuestion(
      path: "age", prompt: "Age in years",
      kind: .number(minimum: 0, maximum: 120, integer: true, optional: false),
      defaultValue: { _ in "50" })
    #expect(try question.read("58").get() == "58")
    #expect(try question.read("58.0").get() == "58")
  }
}
