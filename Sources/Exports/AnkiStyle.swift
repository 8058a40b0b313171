/// The card templates and styling of nelm's Anki note types (`AnkiNoteType`).
///
/// Text reads left-aligned in a column of comfortable width, as on a page: a case's story can
/// run to a few paragraphs, which Anki's centred default makes hard to read. Night mode
/// (Anki's `nightMode` class) gets light text on dark.
enum AnkiStyle {
  /// The front of a question card: where it comes from, the question, the options.
  static let questionFront = """
    <div class="nelm-lesson">{{Lesson}}</div>
    <div class="nelm-question">{{Question}}</div>
    {{#Options}}<div class="nelm-options">{{Options}}</div>{{/Options}}
    """

  /// The back: the front, then the answer, why, and the source.
  static let questionBack = """
    {{FrontSide}}
    <hr id="answer">
    <div class="nelm-answer">{{Answer}}</div>
    {{#Explanation}}<div class="nelm-explanation">{{Explanation}}</div>{{/Explanation}}
    {{#Source}}<div class="nelm-source">Source: {{Source}}</div>{{/Source}}
    """

  /// The front of a cloze card: the sentence with one number hidden.
  static let clozeFront = """
    <div class="nelm-lesson">{{Lesson}}</div>
    <div class="nelm-cloze">{{cloze:Text}}</div>
    """

  /// The back: the sentence whole, the page it restates, and the source.
  static let clozeBack = """
    <div class="nelm-lesson">{{Lesson}}</div>
    <div class="nelm-cloze">{{cloze:Text}}</div>
    <hr id="answer">
    {{#Page}}<div class="nelm-explanation">{{Page}}</div>{{/Page}}
    {{#Source}}<div class="nelm-source">Source: {{Source}}</div>{{/Source}}
    """

  /// The styling of both note types.
  static let css = """
    .card {
      font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      font-size: 18px;
      line-height: 1.5;
      text-align: left;
      color: #1d1d1f;
      background-color: #ffffff;
      max-width: 42em;
      margin: 0 auto;
      padding: 0.5em 1em;
    }
    .card.nightMode { color: #e4e4e4; background-color: #1f1f1f; }
    .nelm-lesson { font-size: 0.8em; color: #6e6e73; margin-bottom: 0.8em; }
    .nelm-question { font-weight: 600; margin-bottom: 0.6em; }
    .nelm-question .nelm-stage {
      font-weight: normal; border-left: 3px solid #c7c7cc; padding-left: 0.8em;
      margin-bottom: 0.8em;
    }
    .nelm-stage-title { font-weight: 600; }
    .nelm-cloze { margin-bottom: 0.6em; }
    .nelm-options { margin-left: 1em; }
    .nelm-answer { font-weight: 600; color: #1b6e3a; }
    .card.nightMode .nelm-answer { color: #7ad39a; }
    .nelm-explanation { margin-top: 0.8em; }
    .nelm-source { margin-top: 1em; font-size: 0.8em; color: #6e6e73; }
    .cloze { font-weight: 700; color: #1f5fbf; }
    .card.nightMode .cloze { color: #8ab4f8; }
    """
}
