import Foundation

/// One note of an Anki import file: a card's front and back, where it goes and how it is
/// found again on the next import.
public struct AnkiNote: Sendable, Equatable {
  /// Stable across exports (`nelm:` and the item id), so importing a newer export updates
  /// the note instead of adding a second one.
  public var guid: String
  /// The question, as HTML.
  public var front: String
  /// The answer and its explanation, as HTML.
  public var back: String
  /// The deck, `nelm::<lesson title>` or `nelm::Cases::<case title>`; Anki creates it.
  public var deck: String
  /// The note's tags; none contains a space.
  public var tags: [String]

  /// A note with these fields.
  public init(guid: String, front: String, back: String, deck: String, tags: [String]) {
    self.guid = guid
    self.front = front
    self.back = back
    self.deck = deck
    self.tags = tags
  }

  /// The note as one line of the file, its columns in the order of `AnkiExport.columns`.
  ///
  /// The fields are HTML already; the GUID, deck and tags are plain text, so they are only
  /// kept free of tabs and line breaks. The GUID comes first because it never starts with
  /// `#`, which Anki would read as a comment line.
  var row: String {
    [guid, front, back, deck, tags.joined(separator: " ")]
      .map(Self.oneLine).joined(separator: "\t")
  }

  private static func oneLine(_ text: String) -> String {
    String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
  }

  /// `text` as an Anki tag: whitespace becomes `_`, as a tag cannot hold a space.
  static func tag(_ text: String) -> String {
    String(text.map { $0.isWhitespace ? "_" : $0 })
  }

  /// `title` as one level of a deck name: `::` would start a sub-deck, so it becomes `:`.
  static func deckLevel(_ title: String) -> String {
    title.replacingOccurrences(of: "::", with: ":").trimmingCharacters(in: .whitespaces)
  }
}
