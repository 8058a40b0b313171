import Identifiers

/// One item of the course that holds every word searched for, with where it is and a snippet.
public struct SearchHit: Sendable, Equatable {
  /// Where a hit is in the course.
  public enum Place: Sendable, Equatable {
    /// A page of a lesson; `lesson` is the lesson's number in the list (what `study N` takes)
    /// and `page` counts from 1.
    case page(lesson: Int, lessonID: String, page: Int, title: String)
    /// A check question of the lesson numbered `lesson`.
    case question(id: String, lesson: Int, lessonID: String)
    /// A stage of an authored case, counted from 1.
    case caseStage(caseID: CaseID, stage: Int, title: String)
  }

  /// Where the hit is.
  public var place: Place
  /// How many times the words occur in the item (prefixes count: `transplant` is found in
  /// `transplantation`); hits are ranked by it, highest first.
  public var score: Int
  /// A line of the item's text around the words, at most about 160 characters, with `…`
  /// where it was cut.
  public var snippet: String
  /// Where the words stand in `snippet`, for highlighting.
  public var highlights: [Range<String.Index>]

  /// Creates a hit; `CourseIndex.search(_:)` is the usual source.
  public init(
    place: Place, score: Int, snippet: String, highlights: [Range<String.Index>] = []
  ) {
    self.place = place
    self.score = score
    self.snippet = snippet
    self.highlights = highlights
  }

  /// `lesson 3, page 2 “Carcinoid heart disease”`, `question clin-chd-valve (lesson 3)` or
  /// `case rectal-primary-transplant, stage 2 “Staging”`.
  public var location: String { place.description }
}

extension SearchHit.Place: CustomStringConvertible {
  /// The place in words, as `SearchHit.location` gives it.
  public var description: String {
    switch self {
    case .page(let lesson, _, let page, let title): "lesson \(lesson), page \(page) “\(title)”"
    case .question(let id, let lesson, _): "question \(id) (lesson \(lesson))"
    case .caseStage(let caseID, let stage, let title): "case \(caseID), stage \(stage) “\(title)”"
    }
  }
}
