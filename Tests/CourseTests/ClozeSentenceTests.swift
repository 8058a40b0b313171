import Testing

@testable import Course

@Suite("Cloze sentences")
struct ClozeSentenceTests {
  @Test func theMarkedPartsAreReadInOrderWithTheirCardAndHint() throws {
    let sentence = try ClozeSentence.parse(
      "NET G2: Ki-67 {{c1::3–20 %::range}}, mitoses {{c2::2–20}} per {{c2::10 HPF}}."
    ).get()
    #expect(
      sentence.deletions == [
        .init(number: 1, answer: "3–20 %", hint: "range"),
        .init(number: 2, answer: "2–20", hint: nil),
        .init(number: 2, answer: "10 HPF", hint: nil),
      ])
  }

  @Test(arguments: [
    ("Ki-67 3–20 % is G2.", ClozeProblem.noDeletion),
    ("Ki-67 {{c1::3–20 % is G2.", .unclosed),
    ("Ki-67 3–20 %}} is {{c1::G2}}.", .strayBraces),
    ("Ki-67 {{c1::3–20 %}}}} is G2.", .strayBraces),
    ("Ki-67 {{3–20 %}} is G2.", .malformed("3–20 %")),
    ("Ki-67 {{c0::3–20 %}} is G2.", .malformed("c0::3–20 %")),
    ("Ki-67 {{c1::}} is G2.", .malformed("c1::")),
    ("Ki-67 {{c1::a::b::c}} is G2.", .malformed("c1::a::b::c")),
  ])
  func badMarkupIsRefused(text: String, problem: ClozeProblem) {
    #expect(throws: problem) { try ClozeSentence.parse(text).get() }
  }

  @Test func anAnswerMustBeWrittenInThePageWhateverTheLineBreaks() {
    let page = "A NET G2 has a Ki-67 index of 3–20\n%, or 2–20 mitoses."
    #expect(ClozeSentence.problems(in: "G2: Ki-67 {{c1::3–20 %}}.", pageText: page).isEmpty)
    #expect(
      ClozeSentence.problems(in: "G2: {{c1::3–20 %}}, {{c2::3–21 mitoses}}.", pageText: page)
        == ["'3–21 mitoses' is not in the page's text; a cloze restates its page"])
  }
}
