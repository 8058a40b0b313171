import ArgumentParser
import Clinical
import Course
import Exports
import Foundation
import Progress
import Shell
import Tutor

/// `nelm export anki|xapi|markdown FILE`: the course as Anki notes, a learner's answers as
/// xAPI statements, or a learner's recap in Markdown.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export the course to Anki, or a learner's progress as xAPI or Markdown.",
    discussion: "FILE '-' writes to standard output.",
    subcommands: [Anki.self, XAPI.self, Markdown.self])
}

extension ExportCommand {
  /// `nelm export anki FILE`: every check question, cloze sentence and authored case step as
  /// an Anki note; with `--note-types`, the note types they need.
  struct Anki: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the course's questions, cloze sentences and case steps for Anki.",
      discussion: """
        Writes a text file for File > Import (Anki 2.1.55 or later) that fills nelm's own note \
        types, 'nelm' and 'nelm cloze', which must be in the collection first: \
        scripts/anki-package builds an .apkg with them, or see Docs/anki.md. Each lesson gets \
        the deck nelm::<lesson id>, the cases nelm::cases; importing a newer export updates the \
        notes in place and keeps their review history.
        """)

    @Argument(help: "The file to write, or '-' for standard output.", completion: .file())
    var file: String

    @Flag(help: "Write the two note types (fields, templates, styling) as JSON instead.")
    var noteTypes = false

    @ArgumentParser.Option(
      name: .customLong("lesson"),
      help: ArgumentHelp(
        "Only this lesson's notes (id or number), and no cases; repeat for more.",
        valueName: "id"),
      completion: CompletionValues.lessonIDs)
    var onlyLessons: [String] = []

    @OptionGroup var course: CourseOptions

    func run() throws {
      if noteTypes {
        let json = JSONValue.array(AnkiNoteType.all.map(\.json)).prettyPrinted() + "\n"
        try ExportCommand.write(json, to: file, printable: false) {
          "\(AnkiNoteType.all.count) note types"
        }
        return
      }
      var course = try self.course.load(command: "export")
      if !onlyLessons.isEmpty {
        let chosen = try Set(
          onlyLessons.map { reference in
            guard let lesson = course.lesson(matching: reference) else {
              throw CommandFailure.badInput(
                "export", "no lesson '\(reference)'; the shell's `lessons` lists them")
            }
            return lesson.id
          })
        course.lessons.removeAll { !chosen.contains($0.id) }
        course.cases = []
      }
      let notes = AnkiExport.notes(of: course)
      try ExportCommand.write(AnkiExport.text(of: notes), to: file) { "\(notes.count) notes" }
    }
  }

  /// `nelm export markdown FILE`: a readable recap of a learner's lessons and cases.
  struct Markdown: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a learner's recap: lessons with answers right and wrong, cases, points.")

    @Argument(help: "The file to write, or '-' for standard output.", completion: .file())
    var file: String

    @OptionGroup var options: LearnerOptions

    func run() throws {
      let loaded = try options.load(command: "export")
      let (course, progress) = (loaded.course, loaded.record)
      // Streamed: with thousands of generated cases the recap runs to megabytes. The text is
      // made printable as one, as `write` does: a piece is written as it comes while nothing
      // before it needed care, since an escape sequence may run on into the pieces after it
      // (text that needs care comes only from a hostile course, and is held to the end).
      do {
        try ExportTarget.stream(to: file) { emit throws(ExportTarget.Failure) in
          var held = ""
          do {
            try MarkdownRecap.write(progress, course: course) { piece in
              if held.isEmpty, TextRenderer.printable(piece, keepingTabs: true) == piece {
                try emit(piece)
              } else {
                held += piece
              }
            }
          } catch let failure as ExportTarget.Failure {
            throw failure
          } catch {
            throw ExportTarget.Failure(
              message: (error as? ProgressError)?.message ?? "\(error)")
          }
          try emit(TextRenderer.printable(held, keepingTabs: true))
        }
      } catch {
        guard let message = error.message else { throw ExitCode(error.status) }
        throw CommandFailure.failure("export", message)
      }
      if file != "-" { Console.line("Wrote the recap of \(progress.learner) to \(file).") }
    }
  }
}

extension ExportCommand {
  /// Writes `text` to `file` (see `ExportTarget`), or to standard output for `-`; after a
  /// file, says what was written. Text exports (Markdown, Anki) carry the course's text, so
  /// they are made printable first: no escape sequence from a lesson reaches a terminal or a
  /// file (tabs, which separate Anki's fields, stay); xAPI is JSON, already escaped.
  static func write(_ text: String, to file: String, printable: Bool = true, what: () -> String)
    throws
  {
    let safe = printable ? TextRenderer.printable(text, keepingTabs: true) : text
    do {
      try ExportTarget.write(safe, to: file)
    } catch {
      guard let message = error.message else { throw ExitCode(error.status) }
      throw CommandFailure.failure("export", message)
    }
    if file != "-" { Console.line("Wrote \(what()) to \(file).") }
  }
}
