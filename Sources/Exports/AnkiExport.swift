import Course

/// The course as an Anki import file: a note for every check question, every sentence a
/// lesson marks for cloze cards, and every step of the authored cases.
///
/// The file is plain text with Anki's file headers (Anki 2.1.55 and later; see the manual's
/// "Text Files" page): tab-separated, HTML fields, and columns for the GUID, note type, deck
/// and tags, so one file fills one deck per lesson and re-importing it updates the notes in
/// place. It uses nelm's own note types (`AnkiNoteType`), which must exist in the collection
/// first (`Docs/anki.md`). Generated cases are one-off and are not exported.
public enum AnkiExport {
  /// The field columns: as many as the note type with the most fields has.
  static let fieldColumns = AnkiNoteType.all.map(\.fields.count).max() ?? 0

  /// The columns of every row, as the `#columns` header names them: a field column is named
  /// after the question note type's field, and the cloze note type's in parentheses.
  public static let columns =
    ["GUID", "Note type", "Deck", "Tags"]
    + (0..<fieldColumns).map { index in
      AnkiNoteType.all.compactMap { $0.fields.indices.contains(index) ? $0.fields[index] : nil }
        .enumerated().map { $0 == 0 ? $1 : "(\($1))" }.joined(separator: " ")
    }

  /// The header lines, without line ends.
  public static let headers = [
    "#separator:tab",
    "#html:true",
    "#columns:" + columns.joined(separator: "\t"),
    "#guid column:1",
    "#notetype column:2",
    "#deck column:3",
    "#tags column:4",
  ]

  /// Every note of the course: lesson by lesson its questions, then its cloze sentences;
  /// then the cases' steps. A case step without an engine key (which `nelm lint` reports) is
  /// left out. Every note is tagged with the deck's version, `nelm::v` and the first eight
  /// hex digits of a SHA-1 of all the notes: a note that a newer export no longer has keeps
  /// the older version's tag.
  public static func notes(of course: Course) -> [AnkiNote] {
    var notes: [AnkiNote] = []
    for lesson in course.lessons {
      notes += lesson.questions.map { note(for: $0, in: lesson) }
      for (index, page) in lesson.pages.enumerated() {
        notes += clozeNotes(for: page, number: index + 1, in: lesson)
      }
    }
    for clinicalCase in course.cases {
      for (index, step) in clinicalCase.steps.enumerated() {
        if let keyed = KeyedStep(clinicalCase, step, index: index) {
          notes.append(note(for: keyed))
        }
      }
    }
    let version = versionTag(of: notes)
    return notes.map { note in
      var tagged = note
      tagged.tags.append(version)
      return tagged
    }
  }

  /// The import file: the headers, then one line per note; it ends with a line break.
  public static func text(of course: Course) -> String {
    text(of: notes(of: course))
  }

  /// The import file of `notes` (`notes(of:)`).
  public static func text(of notes: [AnkiNote]) -> String {
    (headers + notes.map(\.row)).joined(separator: "\n") + "\n"
  }

  /// `nelm::v` and the first 8 hex digits of the SHA-1 of the notes' rows.
  static func versionTag(of notes: [AnkiNote]) -> String {
    let digest = SHA1.digest(Array(notes.map(\.row).joined(separator: "\n").utf8))
    let hex = digest.prefix(4).map { byte in
      let text = String(byte, radix: 16)
      return text.count == 1 ? "0" + text : text
    }
    return "nelm::v" + hex.joined()
  }

  /// `tags` without repeats, in their first order.
  static func unique(_ tags: [String]) -> [String] {
    var seen: Set<String> = []
    return tags.filter { seen.insert($0).inserted }
  }
}
