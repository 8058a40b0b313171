import Course
import Progress
import Testing
@testable import Tutor

@Suite("Commands, completion and rendering")
struct CommandTests {
  @Test("an unknown command is an error with a suggestion")
  func unknownCommand() {
    var tutor = TutorFixture.tutor()
    let reply = tutor.accept("lesons")
    #expect(reply.isError)
    #expect(reply.text.contains("Unknown command 'lesons'. Did you mean `lessons`?"))
  }

  @Test("lesson commands outside a lesson say how to open one")
  func lessonCommandAtTop() {
    var tutor = TutorFixture.tutor()
    let reply = tutor.accept("next")
    #expect(reply.isError)
    #expect(reply.text.contains("`study 1`"))
  }

  @Test("study with an unknown lesson names the range")
  func unknownLesson() {
    var tutor = TutorFixture.tutor()
    let reply = tutor.accept("study 9")
    #expect(reply.isError)
    #expect(reply.text.contains("No lesson '9'"))
    #expect(reply.text.contains("1–2"))
  }

  @Test("lessons lists every lesson in order with a bar and the score")
  func lessonsList() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(1)
    _ = tutor.accept(tutor.letter(of: "b", question: "g1"))
    let text = tutor.accept("lessons").text
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("  1 Staging"))
    #expect(lines[0].contains("░░░░░░░░░░   0%"))
    #expect(lines[1].hasPrefix("  2 Grading"))
    #expect(lines[1].contains("██████░░░░  60%   1/3 right"))
  }

  @Test("help lists the commands; help study explains one; help nonsense is an error")
  func help() {
    var tutor = TutorFixture.tutor()
    let all = tutor.accept("help").text
    for name in ["help", "lessons", "study", "next", "back", "hint", "skip", "quit"] {
      #expect(all.contains("  \(name)"), "help lists \(name)")
    }
    #expect(tutor.accept("help study").text.contains("study ID|NUMBER"))
    #expect(tutor.accept("help nonsense").isError)
  }

  @Test("quit says goodbye and asks for a save")
  func quit() {
    var tutor = TutorFixture.tutor()
    let reply = tutor.accept("quit")
    #expect(reply.quit)
    #expect(reply.saveNeeded)
    #expect(reply.acknowledgement == "See you soon, ana.")
  }

  @Test(
    "Tab completes commands, lesson ids and numbers, and option letters",
    arguments: [
      ("st", ["study"]),
      ("he", ["help"]),
      ("study ", ["staging", "grading", "1", "2"]),
      ("study gr", ["grading"]),
      ("help le", ["lessons", "learners"]),
      ("help less", ["lessons"]),
      ("lessons x", []),
    ])
  func completion(input: String, expected: [String]) {
    let tutor = TutorFixture.tutor()
    #expect(tutor.completions(for: input) == expected)
  }

  @Test("on a question Tab offers the option letters too")
  func completionOfLetters() {
    var tutor = TutorFixture.tutor()
    tutor.goToQuestion(1)
    let candidates = tutor.completions(for: "")
    #expect(candidates.contains("a") && candidates.contains("c") && candidates.contains("hint"))
  }

  @Test("paragraphs wrap to the width, with a hanging indent")
  func wrapping() {
    let renderer = TextRenderer(width: 20, color: false)
    let text = renderer.render([
      .paragraph([Span("  a) "), Span("one two three four five six")], hang: 5)
    ])
    #expect(text == "  a) one two three\n     four five six\n")
  }

  @Test("colour codes appear only when colour is on")
  func colour() {
    let blocks: [Block] = [.text("Correct.", .good)]
    #expect(TextRenderer(width: 40, color: false).render(blocks) == "Correct.\n")
    #expect(TextRenderer(width: 40, color: true).render(blocks) == "\u{1B}[32mCorrect.\u{1B}[0m\n")
  }

  @Test("Tab offers review's pools, reset's lessons, and at a case step its answers first (B9)")
  func completionsB9() {
    var tutor = CaseFixture.tutor()
    #expect(tutor.completions(for: "review ") == ["incorrect", "flagged"])
    #expect(tutor.completions(for: "reset ").contains("1"))
    _ = tutor.accept("case ileal-crr")
    #expect(tutor.completions(for: "").contains("skip"))
    #expect(tutor.completions(for: "").contains("menu"))
    #expect(tutor.completions(for: "s").contains("skip"))
  }

  @Test("at a grade step, G completes the grades, not glossary (B9)")
  func gradeLabels() {
    var tutor = TutorFixture.tutor()
    _ = tutor.accept("case random --seed 3 --topic grading")
    // The first step of this generated case asks the grade: a) G1 b) G2 c) G3.
    #expect(tutor.completions(for: "G") == ["G1", "G2", "G3"])
  }
}
