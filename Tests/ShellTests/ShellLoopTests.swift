import Progress
import Testing

@testable import Shell

@Suite("The command loop")
struct ShellLoopTests {
  @Test("through a pipe: each reply on standard output, the farewell on standard error, 0")
  func pipedSession() {
    let shell = ShellFixture(lines: ["study 1", "", "g2", "quit"])
    #expect(shell.run(interactive: false) == 0)
    #expect(
      shell.out == """
        ── Grading ─────────────────────────────────────────────────
        Grades.
        You will be able to:
          • Grade.
        About 1 min: 1 page, 1 question.

        ── Ki-67 (page 1/1) ────────────────────────────────────────
        Source: WHO 2010

        The Ki-67 index sets the grade.

        [Enter] next · back · menu · help · quit
        ── Check 1/1 · Grading ─────────────────────────────────────
        Ki-67 12 %: grade?
          a) G1
          b) G2
        Answer with a letter a–b · reveal · skip
        Correct.
          ✓ b) G2 (your answer) — 3–20 % is G2.
          ✗ a) G1 — G1 is 2 % or less.
        Ki-67 sets the grade.
        Source: WHO 2010

        Lesson complete: “Grading”. 1/1 questions right.
        That was the last lesson. `lessons` shows your progress.
        Saved.

        """)
    #expect(shell.err == "Saved. See you soon, ana.\n")
    #expect(shell.source.prompts == ["nelm> ", "nelm 1> ", "answer> ", "nelm> "])
    #expect(shell.session.log.map(\.item) == ["grading/g1"])
    #expect(shell.session.session.lessons["grading"]?.completed == true)
  }

  @Test("long text goes to the pager on a terminal, straight to standard output through a pipe")
  func pager() {
    let terminal = ShellFixture(lines: ["help", "sources", "lessons"])
    #expect(terminal.run(interactive: true) == 0)
    #expect(terminal.paged.contains("Commands:"))
    #expect(terminal.paged.contains("references, each with the items that cite it"))
    #expect(!terminal.out.contains("Commands:"))
    #expect(terminal.out.contains("Grading"))
    let pipe = ShellFixture(lines: ["help"])
    #expect(pipe.run(interactive: false) == 0)
    #expect(pipe.paged.isEmpty && pipe.out.contains("Commands:"))
  }

  @Test("a window resized between two lines: each screen is laid out for its width then")
  func resized() {
    let shell = ShellFixture(lines: ["help", "help"])
    shell.widths = [60, 120]
    #expect(shell.run(interactive: true) == 0)
    let screens = shell.paged.components(separatedBy: "Commands:")
    #expect(screens.count == 3)
    #expect(screens[1].split(separator: "\n").allSatisfy { $0.count <= 60 })
    #expect(screens[2].split(separator: "\n").contains { $0.count > 60 })
  }

  @Test("through a pipe, the first error ends the script with 1, after what came before")
  func pipedError() {
    let shell = ShellFixture(lines: ["study 1", "lesons", "lessons"])
    #expect(shell.run(interactive: false) == 1)
    #expect(
      shell.err == "Unknown command 'lesons'. Did you mean `lessons`? Type\n`help` for the list.\n")
    #expect(shell.session.session.lessons["grading"]?.position == 0)
    #expect(shell.source.prompts == ["nelm> ", "nelm 1> "])
  }

  @Test("on a terminal an error is shown with the replies, and the loop goes on")
  func interactiveError() {
    let shell = ShellFixture(lines: ["lesons", "quit"])
    #expect(shell.run(interactive: true) == 0)
    #expect(
      shell.out == """
        Unknown command 'lesons'. Did you mean `lessons`? Type
        `help` for the list.
        Saved. See you soon, ana.

        """)
    #expect(shell.err == "")
  }

  @Test("Ctrl-C leaves the lesson and keeps the place; Ctrl-D saves and leaves")
  func interruptAndEnd() {
    let shell = ShellFixture([.line("study 1"), .interrupted, .endOfInput])
    #expect(shell.run(interactive: true) == 0)
    #expect(
      shell.out.hasSuffix(
        """
        [Enter] next · back · menu · help · quit
        Cancelled. Your place in “Grading” (page 1/1) is kept;
        `study` resumes it.
        Saved. See you soon, ana.

        """))
    #expect(shell.source.prompts == ["nelm> ", "nelm 1> ", "nelm> "])
    #expect(shell.session.session.lessons["grading"]?.position == 0)
  }

  @Test("a line too long is refused, as the tutor refuses it")
  func tooLong() {
    let shell = ShellFixture([.tooLong(5000), .endOfInput])
    #expect(shell.run(interactive: true) == 0)
    #expect(
      shell.out == """
        That line is too long (5000 bytes); commands and answers are
        at most 1024.
        Saved. See you soon, ana.

        """)
  }

  @Test("a failed save says Not saved after the warning, keeps going, and a script ends 1")
  func failedSave() {
    let shell = ShellFixture(lines: ["study 1", "", "g2", "quit"])
    shell.session.appendFailures = 2
    #expect(shell.run(interactive: false) == 1)
    #expect(shell.out.hasSuffix("Not saved (see the warning above).\n"))
    let warning =
      "nelm: Could not save your progress: cannot save ana.answers.jsonl: No space left "
      + "(the previous version is unchanged)\n"
    #expect(
      shell.err == warning + warning + "Not saved (see the warning above). See you soon, ana.\n")
    #expect(shell.session.log.isEmpty)
  }

  @Test("answers an append could not take are appended at the next save")
  func retriedAnswers() {
    let shell = ShellFixture(lines: ["study 1", "", "b", "lessons", "quit"])
    shell.session.appendFailures = 1
    #expect(shell.run(interactive: true) == 0)
    #expect(shell.out.contains("Not saved (see the warning above).\n"))
    #expect(shell.session.log.map(\.item) == ["grading/g1"])
  }

  @Test("an answer is one log line, not a session file; a checkpoint that fails is said as such")
  func loggedOnly() {
    let shell = ShellFixture(lines: ["study 1", "", "b"])
    shell.session.failingSaves = [3]  // the checkpoint at the end, after the answer
    #expect(shell.run(interactive: true) == 1)
    #expect(
      shell.out.hasSuffix(
        "Saved.\nSaved in the answer log; the session file was not updated\n"
          + "(see the warning above). See you soon, ana.\n"))
    #expect(shell.session.log.map(\.item) == ["grading/g1"])
    // Two checkpoints: the lesson opened and the page turned; the answer only in the log.
    #expect(shell.session.saves == 2)
    #expect(shell.session.session.lessons["grading"]?.completed == true)
  }

  @Test("once standard output fails, the loop ends with its status, the work saved")
  func outputGone() {
    let shell = ShellFixture(lines: ["study 1", "", "b", "lessons"])
    shell.outputStatus = 141
    #expect(shell.run(interactive: false) == 141)
    #expect(shell.source.prompts == ["nelm> "])
    #expect(shell.session.saves == 1)
  }
}
