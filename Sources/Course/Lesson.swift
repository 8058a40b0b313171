/// One lesson of the course: pages to read, then check questions to answer.
public struct Lesson: Sendable, Equatable, Codable {
  /// Unique across the course; lower-case letters, digits and `-`.
  public var id: String
  public var title: String
  /// Position in the lesson list.
  public var order: Int
  public var summary: String
  public var objectives: [String]
  public var source: String
  public var pages: [Page]
  public var questions: [Question]
  /// The file the lesson was read from, for messages.
  public var file: String

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
  public var title: String
  /// Paragraphs separated by blank lines.
  public var text: String
  public var source: String

  public init(title: String, text: String, source: String) {
    self.title = title
    self.text = text
    self.source = source
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

  public var id: String
  public var kind: Kind
  public var stem: String
  public var options: [Option]
  /// The ids of the right options.
  public var key: [String]
  public var hint: String?
  public var explanation: String
  public var source: String
  public var tags: [String]
  /// 1 easy, 2 medium, 3 hard.
  public var difficulty: Int

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
  public var text: String
  /// Why this option is right or wrong; shown after the answer.
  public var explanation: String

  public init(id: String, text: String, explanation: String) {
    self.id = id
    self.text = text
    self.explanation = explanation
  }
}
