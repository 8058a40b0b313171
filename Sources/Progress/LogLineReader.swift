import Foundation
import Identifiers

/// Reads one line of the answer log as nelm writes it (`StrictJSONReader`), without
/// `JSONDecoder`: the exports and `nelm sync` read the whole log, and decoding each line took
/// about 20 µs of the 46 µs an `export xapi` spent on an answer (BENCHMARKS.md, Realistic
/// learners).
///
/// Nil for anything it does not take (an unknown key, `null` where nelm writes none, an
/// escape): `AnswerLog` then decodes the line with the decoder, which says what is wrong.
enum LogLineReader {
  static func read(_ line: UnsafeBufferPointer<UInt8>) -> LoggedAnswer? {
    var reader = StrictJSONReader(bytes: line)
    var fields = AnswerFields()
    var lessons: [String: LessonProgress?]?
    var cases: [String: CaseProgress?]?
    var quiz: QuizProgress??
    var review: ReviewState?
    let finished = reader.object { reader, key in
      if let read = fields.read(key, &reader) { return read }
      if reader.equal(key, "lessons") {
        return store(&lessons, reader.places { $0.lesson() })
      } else if reader.equal(key, "cases") {
        return store(&cases, reader.places { $0.caseProgress() })
      } else if reader.equal(key, "quiz") {
        return store(&quiz, reader.word("null") ? .some(nil) : reader.quiz().map { .some($0) })
      } else if reader.equal(key, "review") {
        return store(&review, reader.review())
      }
      return false
    }
    guard finished, reader.atEnd(), let answer = fields.answer else { return nil }
    var effects = AnswerEffects()
    effects.lessons = lessons ?? [:]
    effects.cases = cases ?? [:]
    effects.quiz = quiz
    effects.review = review
    return LoggedAnswer(answer, effects: effects)
  }
}

extension StrictJSONReader {
  /// A map from ids to places (a lesson's or a case's progress) or `null`, each id once.
  fileprivate mutating func places<Place>(_ place: (inout StrictJSONReader) -> Place?)
    -> [String: Place?]?
  {
    var places: [String: Place?] = [:]
    let finished = object { reader, key in
      guard let id = reader.text(key), places.index(forKey: id) == nil else { return false }
      if reader.word("null") {
        places[id] = .some(nil)
        return true
      }
      guard let value = place(&reader) else { return false }
      places[id] = .some(value)
      return true
    }
    return finished ? places : nil
  }

  /// A lesson's place: the keys every place has, and no other.
  fileprivate mutating func lesson() -> LessonProgress? {
    var place = PlaceFields()
    let finished = object { reader, key in place.read(key, &reader) ?? false }
    guard finished, let (position, completed, started, updated) = place.values else { return nil }
    return LessonProgress(
      position: position, completed: completed, started: started, updated: updated)
  }

  /// A case's place: the keys every place has, and the outcomes of its steps.
  fileprivate mutating func caseProgress() -> CaseProgress? {
    var place = PlaceFields()
    var outcomes: [String: Outcome]?
    let finished = object { reader, key in
      if let read = place.read(key, &reader) { return read }
      return reader.equal(key, "outcomes") && store(&outcomes, reader.outcomes())
    }
    guard finished, let (position, completed, started, updated) = place.values else { return nil }
    return CaseProgress(
      position: position, completed: completed, started: started, updated: updated,
      outcomes: outcomes ?? [:])
  }

  /// A case's outcomes by step id, each step once.
  private mutating func outcomes() -> [String: Outcome]? {
    var outcomes: [String: Outcome] = [:]
    let finished = object { reader, key in
      guard let step = reader.text(key), outcomes[step] == nil,
        let word = reader.string().flatMap({ reader.text($0) })
      else { return false }
      outcomes[step] = Outcome(rawValue: word)
      return true
    }
    return finished ? outcomes : nil
  }

  fileprivate mutating func quiz() -> QuizProgress? {
    var cases: [String]?
    var topic: String?
    var timed: Bool?
    var started: Date?
    let finished = object { reader, key in
      if reader.equal(key, "cases") {
        return store(&cases, reader.strings())
      } else if reader.equal(key, "topic") {
        return store(&topic, reader.string().flatMap { reader.text($0) })
      } else if reader.equal(key, "timed") {
        return store(&timed, reader.boolean())
      } else if reader.equal(key, "started") {
        return store(&started, reader.date())
      }
      return false
    }
    guard finished, let cases, let timed, let started else { return nil }
    return QuizProgress(
      cases: cases.map { CaseID($0) }, topic: topic, timed: timed, started: started)
  }
}

/// The keys a lesson's and a case's place share, gathered one at a time.
private struct PlaceFields {
  private var position: Int?
  private var completed: Bool?
  private var started: Date?
  private var updated: Date?

  /// Reads the value of `key` when it is one of these keys (see `AnswerFields.read`).
  mutating func read(_ key: Range<Int>, _ reader: inout StrictJSONReader) -> Bool? {
    if reader.equal(key, "position") {
      return store(&position, reader.integer())
    } else if reader.equal(key, "completed") {
      return store(&completed, reader.boolean())
    } else if reader.equal(key, "started") {
      return store(&started, reader.date())
    } else if reader.equal(key, "updated") {
      return store(&updated, reader.date())
    }
    return nil
  }

  /// The four values, when every one was read.
  var values: (Int, Bool, Date, Date)? {
    guard let position, let completed, let started, let updated else { return nil }
    return (position, completed, started, updated)
  }
}
