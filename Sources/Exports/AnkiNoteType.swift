import Clinical

/// A note type of nelm's Anki deck: its fields, card templates and styling.
///
/// Anki's text import fills note types that already exist in the collection (it matches them
/// by name), so the export file cannot carry them: `nelm export anki --note-types` prints
/// them as JSON, from which `scripts/anki-package` builds an `.apkg`, or by which a user
/// creates them once by hand (`Docs/anki.md`).
public struct AnkiNoteType: Sendable, Equatable {
  /// How Anki makes cards of a note.
  public enum Kind: String, Sendable {
    /// One card per template.
    case standard
    /// One card per cloze number (`{{c1::…}}`, `{{c2::…}}`) of the first field.
    case cloze
  }

  /// A card template: the HTML of the card's two sides, with `{{Field}}` placeholders.
  public struct Template: Sendable, Equatable {
    /// The template's name, shown in Anki's card list.
    public var name: String
    /// The question side.
    public var front: String
    /// The answer side.
    public var back: String
  }

  /// The name the import file's note-type column gives.
  public var name: String
  /// Standard or cloze.
  public var kind: Kind
  /// The field names, in the order of the file's field columns.
  public var fields: [String]
  /// The card templates (one for each kind here).
  public var templates: [Template]
  /// The styling shared by the cards.
  public var css: String

  /// The note of a check question or a case step: one card, question on the front; the
  /// answer, why, and the source on the back.
  public static let question = AnkiNoteType(
    name: "nelm", kind: .standard,
    fields: ["Question", "Options", "Answer", "Explanation", "Source", "Lesson"],
    templates: [
      Template(name: "Question", front: AnkiStyle.questionFront, back: AnkiStyle.questionBack)
    ],
    css: AnkiStyle.css)

  /// The note of a sentence a lesson marks for cloze cards: one card per hidden number.
  public static let cloze = AnkiNoteType(
    name: "nelm cloze", kind: .cloze, fields: ["Text", "Page", "Source", "Lesson"],
    templates: [Template(name: "Cloze", front: AnkiStyle.clozeFront, back: AnkiStyle.clozeBack)],
    css: AnkiStyle.css)

  /// Both note types, in the order `--note-types` prints them.
  public static let all = [question, cloze]

  /// `{name, kind, fields, templates: [{name, front, back}], css}`.
  public var json: JSONValue {
    .object([
      .init("name", .string(name)), .init("kind", .string(kind.rawValue)),
      .init("fields", .texts(fields)),
      .init(
        "templates",
        .array(
          templates.map {
            .object([
              .init("name", .string($0.name)), .init("front", .string($0.front)),
              .init("back", .string($0.back)),
            ])
          })),
      .init("css", .string(css)),
    ])
  }
}
