import Course
import Progress
import Testing

@testable import Tutor

/// A lesson file is shared between learners and error messages echo what was typed, so the
/// renderer prints no control character or escape sequence that a terminal would obey.
@Suite("Renderer safety")
struct RendererSafetyTests {
  /// Hostile text and what must be left of it: what a terminal would show, nothing it obeys.
  static let rows: [(name: String, input: String, expected: String)] = [
    ("plain text is unchanged", "Plöckinger – 68Ga ≤ 2 % 🙂", "Plöckinger – 68Ga ≤ 2 % 🙂"),
    ("clear screen (CSI 2J)", "a\u{1B}[2Jb", "ab"),
    ("colour set and reset", "\u{1B}[31mred\u{1B}[0m", "red"),
    ("cursor move with parameters", "a\u{1B}[10;20Hb", "ab"),
    ("private mode (alternate screen)", "a\u{1B}[?1049hb", "ab"),
    ("OSC 52 clipboard write ended by BEL", "x\u{1B}]52;c;aGVsbG8=\u{07}y", "xy"),
    ("OSC title ended by ST", "\u{1B}]0;owned\u{1B}\\after", "after"),
    ("OSC 8 hyperlink", "\u{1B}]8;;http://evil\u{07}link\u{1B}]8;;\u{07}", "link"),
    ("DCS string", "a\u{1B}Pq#0;2;0;0;0\u{1B}\\b", "ab"),
    ("APC string", "a\u{1B}_payload\u{1B}\\b", "ab"),
    ("unterminated OSC runs to the end", "a\u{1B}]52;c;aGVsbG8=", "a"),
    ("a lone ESC at the end", "a\u{1B}", "a"),
    ("full reset (ESC c)", "a\u{1B}cb", "ab"),
    ("character set with an intermediate (ESC ( 0)", "a\u{1B}(0b", "ab"),
    ("C1 CSI", "a\u{9B}2Jb", "ab"),
    ("C1 OSC ended by C1 ST", "a\u{9D}52;c;eA==\u{9C}b", "ab"),
    ("C1 DCS ended by BEL", "a\u{90}q\u{07}b", "ab"),
    ("other C1 controls (NEL, IND)", "a\u{85}b\u{84}c", "abc"),
    ("bell, backspace, NUL, DEL", "a\u{07}\u{08}\u{00}\u{7F}b", "ab"),
    ("carriage return cannot overwrite the line", "safe\rEVIL", "safeEVIL"),
    ("vertical tab and form feed", "a\u{0B}b\u{0C}c", "abc"),
    ("a tab becomes four spaces", "a\tb", "a    b"),
    ("newlines stay", "a\nb", "a\nb"),
    ("right-to-left override", "abc\u{202E}fed", "abcfed"),
    ("left-to-right embedding and pop", "\u{202A}x\u{202C}", "x"),
    ("isolates", "\u{2066}x\u{2069}\u{2067}y\u{2068}", "xy"),
  ]

  @Test("printable text keeps what is shown and drops what a terminal obeys", arguments: rows)
  func printable(row: (name: String, input: String, expected: String)) {
    #expect(TextRenderer.printable(row.input) == row.expected, "\(row.name)")
  }

  @Test("no ESC, C0 (but newline) or C1 control survives any row, in any block", arguments: rows)
  func everyBlock(row: (name: String, input: String, expected: String)) {
    let blocks: [Block] = [
      .rule(row.input, right: row.input), .text(row.input), .raw(row.input),
      .paragraph([Span("Source: ", .dim), Span(row.input, .bad)], indent: 2, hang: 2),
    ]
    let text = TextRenderer(width: 80, color: false).render(blocks)
    let controls = text.unicodeScalars.filter { scalar in
      scalar != "\n" && (scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value))
    }
    #expect(controls.isEmpty, "\(row.name)")
  }

  @Test("colour is still added around text whose own escapes were removed")
  func colourSurvives() {
    let blocks: [Block] = [.text("Wrong\u{1B}[2J.", .bad)]
    #expect(TextRenderer(width: 40, color: true).render(blocks) == "\u{1B}[31mWrong.\u{1B}[0m\n")
  }

  @Test("a hostile lesson title and page are shown without their escapes")
  func hostileLesson() {
    let lesson = Lesson(
      id: "evil", title: "Evil\u{1B}]52;c;cm0gLXJmIH4=\u{07} lesson", order: 1, summary: "S.",
      objectives: ["O."], source: "Src",
      pages: [
        Page(title: "Page\u{1B}[2J", text: "Text \u{1B}[8mhidden\u{1B}[0m\rshown", source: "S")
      ],
      questions: [])
    var tutor = Tutor(
      course: Course(lessons: [lesson]), session: Session(learner: "ana", now: .init()))
    let text = TextRenderer(width: 80, color: false).render(tutor.accept("study 1").blocks)
    #expect(!text.contains("\u{1B}") && !text.contains("\r") && !text.contains("\u{07}"))
    #expect(text.contains("── Page (page 1/1)"))
    #expect(text.contains("Text hiddenshown"))
  }

  @Test("an error that echoes a typed escape sequence shows it harmless")
  func echoedInput() {
    var tutor = Tutor(
      course: Course(lessons: []), session: Session(learner: "ana", now: .init()))
    let reply = tutor.accept("\u{1B}]52;c;aGVsbG8=\u{07}x")
    #expect(reply.isError)
    let text = TextRenderer(width: 80, color: false).render(reply.blocks)
    #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
  }
}
