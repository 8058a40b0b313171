import Foundation

/// One note of an Anki import file: its note type and fields, where it goes, and how it is
/// found again on the next import.
public struct AnkiNote: Sendable, Equatable {
  /// Stable across exports (`nelm:` and the item id), so importing a newer export updates
  /// the note instead of adding a second one.
  public var guid: String
  /// The note type, `AnkiNoteType.question` or `.cloze`.
  public var noteType: AnkiNoteType
  /// The fields as HTML, in the note type's order.
  public var fields: [String]
  /// The deck: `nelm::<lesson id>`, or `nelm::cases`; Anki creates it.
  public var deck: String
  /// The note's tags; none contains a space.
  public var tags: [String]

  /// A note of `noteType` with `fields` (as many as its field names).
  public init(
    guid: String, noteType: AnkiNoteType, fields: [String], deck: String, tags: [String]
  ) {
    self.guid = guid
    self.noteType = noteType
    self.fields = fields
    self.deck = deck
    self.tags = tags
  }

  /// The field called `name`, or nil when the note type has no such field.
  public subscript(field name: String) -> String? {
    noteType.fields.firstIndex(of: name).flatMap { $0 < fields.count ? fields[$0] : nil }
  }

  /// The note as one line of the file, its columns in the order of `AnkiExport.columns`;
  /// a note type with fewer fields leaves the last columns empty.
  ///
  /// The fields are HTML already; the GUID, note type, deck and tags are plain text, so they
  /// are only kept free of tabs and line breaks. The GUID comes first because it never
  /// starts with `#`, which Anki would read as a comment line.
  var row: String {
    let padding = Array(repeating: "", count: max(0, AnkiExport.fieldColumns - fields.count))
    return ([guid, noteType.name, deck, tags.joined(separator: " ")] + fields + padding)
      .map(Self.oneLine).joined(separator: "\t")
  }

  private static func oneLine(_ text: String) -> String {
    String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
  }

  /// `text` as one level of an Anki tag: whitespace becomes `_`, as a tag cannot hold a
  /// space, and `::` becomes `:`, as it would start a sub-tag.
  static func tagLevel(_ text: String) -> String {
    String(text.map { $0.isWhitespace ? "_" : $0 }).replacingOccurrences(of: "::", with: ":")
  }
}
