/// One lesson of the course: pages to read, then check questions to answer.
public struct Lesson: Sendable, Equatable, Codable {
  /// Unique across the course; lower-case letters, digits and `-`.
  public var id: String
  /// The title, as shown.
  public var title: String
  /// Position in the lesson list.
  public var order: Int
  /// What the lesson covers, in a sentence or two.
  public var summary: String
  /// What the learner can do after the lesson.
  public var objectives: [String]
  /// Where the content comes from (author, journal, year).
  public var source: String
  /// The pages, read in order.
  public var pages: [Page]
  /// The check questions, asked after the pages.
  public var questions: [Question]
  /// The file the lesson was read from, for messages.
  public var file: String

  /// Creates a value from its parts.
  public init(
    id: String, title: String, order: Int, summary: String, objectives: [String],
    source: String, pages: [Page], questions: [Question], file: String = ""
  ) {
    self.id = id
    self.title = title
    self.order = order
    self.summary = summary
    self.objectives = objectives
    self.source = source
    self.pages = pages
    self.questions = questions
    self.file = file
  }
}

/// A page of reading: a title, paragraphs of text, and where they come from.
public struct Page: Sendable, Equatable, Codable {
  /// The title, as shown.
  public var title: String
  /// Paragraphs separated by blank lines.
  public var text: String
  /// Where the content comes from (author, journal, year).
  public var source: String
  /// Sentences restating the page's key numbers with Anki cloze markup (`{{c1::…}}`), for
  /// cloze cards; optional, empty when the page marks none.
  public var cloze: [String]

  /// Creates a value from its parts.
  public init(title: String, text: String, source: String, cloze: [String] = []) {
    self.title = title
    self.text = text
    self.source = source
    self.cloze = cloze
  }
}

/// A check question with its options, key and explanations.
public struct Question: Sendable, Equatable, Codable {
  /// How a question is answered.
  public enum Kind: String, Sendable, CaseIterable, Codable {
    case single
    case multiple
    case trueFalse = "truefalse"
  }

  /// The identifier, unique where the format says.
  public var id: String
  /// What is asked, and how it is answered.
  public var kind: Kind
  /// The question itself.
  public var stem: String
  /// The answer options, in the order shown.
  public var options: [Option]
  /// The ids of the right options.
  public var key: [String]
  /// A nudge shown on request; nil when there is none.
  public var hint: String?
  /// Why the key is right: shown after every answer.
  public var explanation: String
  /// Where the content comes from (author, journal, year).
  public var source: String
  /// Topics, for search, progress and quizzes.
  public var tags: [String]
  /// 1 easy, 2 medium, 3 hard.
  public var difficulty: Int

  /// Creates a value from its parts.
  public init(
    id: String, kind: Kind, stem: String, options: [Option], key: [String], hint: String? = nil,
    explanation: String, source: String, tags: [String] = [], difficulty: Int = 2
  ) {
    self.id = id
    self.kind = kind
    self.stem = stem
    self.options = options
    self.key = key
    self.hint = hint
    self.explanation = explanation
    self.source = source
    self.tags = tags
    self.difficulty = difficulty
  }
}

/// One answer option of a question.
public struct Option: Sendable, Equatable, Codable {
  /// One lower-case letter, unique in its question.
  public var id: String
  /// The text, paragraphs separated by blank lines.
  public var text: String
  /// Why this option is right or wrong; shown after the answer.
  public var explanation: String

  /// Creates a value from its parts.
  public init(id: String, text: String, explanation: String) {
    self.id = id
    self.text = text
    self.explanation = explanation
  }
}
