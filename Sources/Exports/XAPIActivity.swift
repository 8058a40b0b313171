import Cases
import Clinical
import Course
import Foundation
import Identifiers

extension XAPIExport {
  /// The object of a statement: an item, a lesson or a case, with what xAPI can say of it.
  struct Activity {
    /// `https://nelm.invalid/items/<item id>`, `/lessons/<id>` or `/cases/<id>`.
    var id: String
    var definition: [JSONValue.Member]
    /// The lesson or case an item belongs to, named in the statement's context.
    var parent: JSONValue?

    var json: JSONValue {
      .object([
        .init("objectType", .string("Activity")),
        .init("id", .string(id)),
        .init("definition", .object(definition)),
      ])
    }

    static let interactionType = "http://adlnet.gov/expapi/activities/cmi.interaction"

    /// An item as a `choice` interaction: its question, choices and right responses from the
    /// course. An item the course no longer has (or a step without a key) keeps its id and
    /// type only.
    static func item(_ item: ItemID, in catalog: ItemCatalog) -> Activity {
      var none: ClinicalCase?
      return Self.item(item, in: catalog, reusing: &none)
    }

    /// The same, reusing `generated` (the generated case described last) when the item is
    /// one of its steps.
    static func item(
      _ item: ItemID, in catalog: ItemCatalog, reusing generated: inout ClinicalCase?
    )
      -> Activity
    {
      var activity = Activity(
        id: iri("items", item.rawValue),
        definition: [
          .init("type", .string(interactionType)), .init("interactionType", .string("choice")),
        ])
      switch catalog.resolve(item, reusing: &generated) {
      case .question(let lesson, let question):
        activity.definition.insert(.init("name", english(question.stem)), at: 0)
        activity.definition +=
          patterns([question.key.sorted()])
          + [.init("choices", choices(question.options.map { ($0.id, $0.text) }))]
        activity.parent = lessonActivity(lesson.id, title: lesson.title).json
      case .caseStep(let clinicalCase, let step, let index):
        activity.parent = caseActivity(clinicalCase.id, title: clinicalCase.title).json
        guard let keyed = KeyedStep(clinicalCase, step, index: index) else { break }
        let name = "\(clinicalCase.title), step \(index + 1): \(keyed.question)"
        activity.definition.insert(.init("name", english(name)), at: 0)
        activity.definition +=
          patterns([keyed.key.correct] + keyed.key.acceptable.map { [$0] })
          + [.init("choices", choices(keyed.key.choices.map { ($0.id, $0.label) }))]
      case nil:
        break
      }
      return activity
    }

    /// A lesson, for a completion or as an item's parent.
    static func lesson(_ id: String, in catalog: ItemCatalog) -> Activity {
      lessonActivity(id, title: catalog.course.lessons.first { $0.id == id }?.title)
    }

    /// A case, authored or generated, for a completion or as a step's parent.
    static func clinicalCase(_ id: CaseID, in catalog: ItemCatalog) -> Activity {
      caseActivity(id, title: catalog.clinicalCase(id)?.title)
    }

    private static func lessonActivity(_ id: String, title: String?) -> Activity {
      Activity(
        id: iri("lessons", id),
        definition: (title.map { [.init("name", english($0))] } ?? [])
          + [.init("type", .string("http://adlnet.gov/expapi/activities/lesson"))])
    }

    private static func caseActivity(_ id: CaseID, title: String?) -> Activity {
      Activity(
        id: iri("cases", id.rawValue),
        definition: (title.map { [.init("name", english($0))] } ?? [])
          + [.init("type", .string("http://adlnet.gov/expapi/activities/simulation"))])
    }

    /// What a path may hold unescaped (RFC 3986 `pchar` and `/`). Spelled out rather than
    /// `.urlPathAllowed`, which escaped `:` in `cases/random:5:transplant` but not in
    /// `items/case/random:5:transplant/…`: one case id written two ways (B15).
    private static let pathCharacters = CharacterSet(
      charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        + "-._~!$&'()*+,;=:@/")

    private static func iri(_ kind: String, _ id: String) -> String {
      "\(homePage)/\(kind)/"
        + (id.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? id)
    }

    private static func english(_ text: String) -> JSONValue {
      .object([.init("en-US", .string(Paragraphs.line(text)))])
    }

    private static func choices(_ pairs: [(id: String, text: String)]) -> JSONValue {
      .array(
        pairs.map {
          .object([
            .init("id", .string(XAPIChoiceID.encode($0.id))),
            .init("description", english($0.text)),
          ])
        })
    }

    /// The right responses; an empty one ("none of them") cannot be written in xAPI, whose
    /// patterns are never empty, and is left out (with the whole list when it was the only one).
    private static func patterns(_ responses: [[String]]) -> [JSONValue.Member] {
      let written = responses.filter { !$0.isEmpty }.map {
        JSONValue.string(XAPIChoiceID.response($0))
      }
      return written.isEmpty ? [] : [.init("correctResponsesPattern", .array(written))]
    }
  }
}
