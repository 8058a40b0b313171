import Identifiers

/// One reference the course cites, with every item that cites it: a line of `nelm sources`.
public struct SourceEntry: Sendable, Equatable {
  /// The reference as written, trimmed and with runs of spaces collapsed:
  /// `Rinke A et al., J Clin Oncol 2009 (PROMID)`.
  public var reference: String
  /// The items whose `source` names it, in course order, each once.
  public var citations: [Citation]
  /// The full reference from the course's references file; nil without one.
  public var full: String?
  /// Where to read it, from the references file; nil when none is given.
  public var link: String?

  /// Creates an entry; `CourseIndex.sources()` is the usual source.
  public init(
    reference: String, citations: [Citation], full: String? = nil, link: String? = nil
  ) {
    self.reference = reference
    self.citations = citations
    self.full = full
    self.link = link
  }
}

/// An item of the course that cites a reference.
public enum Citation: Sendable, Hashable, CustomStringConvertible {
  /// A lesson's own `source`.
  case lesson(id: String)
  /// A page of a lesson, numbered from 1.
  case page(lessonID: String, number: Int)
  /// A check question.
  case question(id: String)
  /// A clinical case: its own `source` or one of its steps'.
  case clinicalCase(id: CaseID)
  /// A glossary entry.
  case glossary(term: String)

  /// `lesson grading-and-staging`, `grading-and-staging page 3`, `question grade-ki67-12`,
  /// `case rectal-primary-transplant`, `glossary Ki-67`.
  public var description: String {
    switch self {
    case .lesson(let id): "lesson \(id)"
    case .page(let lessonID, let number): "\(lessonID) page \(number)"
    case .question(let id): "question \(id)"
    case .clinicalCase(let id): "case \(id)"
    case .glossary(let term): "glossary \(term)"
    }
  }
}
