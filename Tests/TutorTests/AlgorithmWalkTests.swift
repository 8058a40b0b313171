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

  @Test("the walk says it is a reconstruction for teaching, and asks the first fact")
  func notice() {
    let (text, tutor) = walk([])
    #expect(text.contains("reconstruction of the review's Figure 3 for teaching"))
    #expect(text.contains("not clinical decision support"))
    #expect(text.contains("Age in years (a number) [50]"))
    #expect(tutor.prompt == "algorithm> ")
  }

  @Test("Enter at every question takes the defaults: a single resectable metastasis, D6")
  func defaults() {
    let (text, tutor) = walk(Array(repeating: "", count: 17))
    #expect(text.contains("Rule D6: curative hepatic resection"))
    #expect(tutor.prompt == "nelm> ")
  }

  @Test("unknown differentiation ends at D1: biopsy first")
  func biopsyFirst() {
    let (text, tutor) = walk(["", "", "", "", "unknown"])
    #expect(text.contains("D1: without histology"))
    #expect(text.contains("rule: D1"))
    #expect(!tutor.isWalking)
  }

  @Test("Ki-67 30 % in a well-differentiated tumour is G3: D2, with the NET G3 caveat")
  func grade3() {
    let (text, _) = walk(["", "", "", "", "well", "30", "1"])
    #expect(text.contains("Grade G3, which WHO 2010 calls NEC: rule D2"))
    #expect(text.contains("NET G3"))
    #expect(text.contains("rule: D2"))
  }

  @Test("liver failure asks only receptor status and syndrome, then ends at D2a")
  func liverFailure() {
    let (text, _) = walk(["", "", "", "", "", "", "", "liver_failure", "negative", "no"])
    #expect(text.contains("D2a: liver failure"))
    #expect(text.contains("rule: D2a"))
    #expect(text.contains("best: best supportive care"))
    #expect(!text.contains("Distant disease outside the liver"))
  }

  @Test("unknown receptor status ends at D3: staging first")
  func stagingFirst() {
    let (text, _) = walk(["", "", "", "", "", "", "", "", "none", "unknown"])
    #expect(text.contains("D3: staging is incomplete"))
    #expect(text.contains("rule: D3"))
  }

  @Test("unresectable extrahepatic disease goes to systemic treatment first (D4)")
  func systemicFirst() {
    let answers =
      ["", "pancreas", "", "", "", "", "", "", "unresectable", "negative", "no", "yes"]
      + Array(repeating: "", count: 6)
    let (text, _) = walk(answers)
    #expect(text.contains("D4: unresectable extrahepatic disease"))
    #expect(text.contains("rule: D4/S2"))
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
  var wideText: String { TextRenderer(width: 10_000, color: false).render(blocks) }
}

extension Tutor {
  var isWalking: Bool { prompt == "algorithm> " }
}
