import Clinical
import ArgumentParser
import Course
import Foundation
import Shell
import Tutor

/// The reference commands for scripts, over `CourseIndex`: `nelm define`, `nelm search` and
/// `nelm sources`.
enum ReferenceCommands {
  /// The commands, for `Nelm`'s `subcommands`.
  static let all: [any ParsableCommand.Type] = [
    DefineCommand.self, SearchCommand.self, SourcesCommand.self,
  ]

  /// The index of the course for a reference command.
  static func loadIndex(_ directory: String?, command: String) throws -> CourseIndex {
    CourseIndex(course: try CommandSupport.loadCourse(directory, command: command))
  }

  /// Prints `nelm COMMAND: message` on standard error; the exit code to throw.
  static func failure(_ command: String, _ message: String) -> ExitCode {
    CommandSupport.failure(command, message)
  }

  static func printJSON(_ value: JSONValue) {
    Console.out(value.prettyPrinted() + "\n")
  }

}

/// The `--lessons DIR` option of the reference commands, as `nelm case` has it.
struct LessonsOption: ParsableArguments {
  @ArgumentParser.Option(
    help: ArgumentHelp(
      "The course folder (default: $NELM_LESSONS, else Lessons).", valueName: "dir"),
    completion: .directory)
  var lessons: String?
}

/// `nelm define [TERM…]`: a glossary entry, or every term.
struct DefineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "define",
    abstract: "Define an abbreviation of the course (NELM, PRRT, Ki-67 …).",
    discussion: """
      TERM is matched exactly, then ignoring case and punctuation (ki67 finds Ki-67), then \
      against the expansions (liver metastases finds LM). Without TERM, lists every term. \
      Exits 1 when nothing matches.
      """)

  @Argument(
    help: "The term, or words of its expansion.", completion: CompletionValues.glossaryTerms)
  var term: [String] = []

  @Flag(help: "Print the entry (or, without TERM, every entry) as JSON.")
  var json = false

  @OptionGroup var options: LessonsOption

  func run() throws {
    let index = try ReferenceCommands.loadIndex(options.lessons, command: "define")
    guard !term.isEmpty else {
      if json {
        ReferenceCommands.printJSON(.array(index.terms.map(\.json)))
      } else {
        // Terms made printable before they are measured, so the columns line up.
        let terms = index.terms.map { TextRenderer.printable($0.term) }
        let width = terms.map(\.count).max() ?? 0
        TerminalOutput.print(
          zip(terms, index.terms).map { term, entry in
            term.padding(toLength: width + 2, withPad: " ", startingAt: 0) + entry.expansion
          })
      }
      return
    }
    let query = term.joined(separator: " ")
    let found = index.entries(matching: query)
    guard let entry = found.first else {
      let near = index.completions(prefix: String(query.prefix(2)))
      let hint = near.isEmpty ? "" : "; terms starting so: \(near.joined(separator: ", "))"
      throw ReferenceCommands.failure("define", "no term '\(query)'\(hint)")
    }
    if json {
      ReferenceCommands.printJSON(entry.json)
      return
    }
    var lines = ["\(entry.term) — \(entry.expansion)", entry.definition]
    if !entry.see.isEmpty { lines.append("See also: \(entry.see.joined(separator: ", "))") }
    if let source = entry.source { lines.append("Source: \(source)") }
    if found.count > 1 {
      lines.append("Also matching: \(found.dropFirst().map(\.term).joined(separator: ", "))")
    }
    TerminalOutput.print(lines)
  }
}

/// `nelm search WORDS…`: the pages, questions and case stages that hold every word.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Find the pages, questions and case stages that hold every word.",
    discussion: """
      Words are matched ignoring case and accents, as the start of a word of the text \
      (transplant finds transplantation); numbers match whole. Hits come most occurrences \
      first, each with where it is and a snippet. Exits 1 when nothing is found.
      """)

  @Argument(help: "The words to find.")
  var words: [String]

  @ArgumentParser.Option(help: "Show at most this many hits.")
  var limit: Int?

  @Flag(help: "Print the hits as a JSON array of {location, kind, …, score, snippet}.")
  var json = false

  @OptionGroup var options: LessonsOption

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
  }

  func run() throws {
    let index = try ReferenceCommands.loadIndex(options.lessons, command: "search")
    let query = words.joined(separator: " ")
    let hits = index.search(query).prefix(limit ?? .max)
    guard !hits.isEmpty else {
      throw ReferenceCommands.failure("search", "nothing found for '\(query)'")
    }
    if json {
      ReferenceCommands.printJSON(.array(hits.map(\.json)))
    } else {
      TerminalOutput.print(hits.flatMap { [$0.location, "  " + $0.snippet] })
    }
  }
}

/// `nelm sources`: every reference the course cites, with what cites it.
struct SourcesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sources",
    abstract: "List every reference the course cites, with the items that cite it.",
    discussion: """
      Each source text is split on ';' into references (not inside parentheses, nor in \
      2009;27:4656), sorted alphabetically ignoring case and accents. With a references \
      file in the course, each paper is listed once, with its full reference and link.
      """)

  @Flag(help: "Print a JSON array of {reference, full, link, citedBy}.")
  var json = false

  @OptionGroup var options: LessonsOption

  func run() throws {
    let sources = try ReferenceCommands.loadIndex(options.lessons, command: "sources").sources()
    if json {
      ReferenceCommands.printJSON(
        .array(
          sources.map { entry in
            .object([
              .init("reference", .string(entry.reference)),
              .init("full", entry.full.map(JSONValue.string) ?? .null),
              .init("link", entry.link.map(JSONValue.string) ?? .null),
              .init("citedBy", .array(entry.citations.map { .string($0.description) })),
            ])
          }))
    } else {
      TerminalOutput.print(sources.flatMap(Self.lines(of:)))
    }
  }
}

extension GlossaryEntry {
  /// `{term, expansion, definition, see, source}`.
  fileprivate var json: JSONValue {
    .object([
      .init("term", .string(term)), .init("expansion", .string(expansion)),
      .init("definition", .string(definition)),
      .init("see", .array(see.map(JSONValue.string))),
      .init("source", source.map(JSONValue.string) ?? .null),
    ])
  }
}

extension SearchHit {
  /// `{location, kind, lesson, page | id | case, stage, score, snippet}`.
  fileprivate var json: JSONValue {
    var members: [JSONValue.Member] = [.init("location", .string(location))]
    switch place {
    case .page(let lesson, let lessonID, let page, _):
      members += [
        .init("kind", .string("page")), .init("lesson", .number(Double(lesson))),
        .init("lessonId", .string(lessonID)), .init("page", .number(Double(page))),
      ]
    case .question(let id, let lesson, let lessonID):
      members += [
        .init("kind", .string("question")), .init("id", .string(id)),
        .init("lesson", .number(Double(lesson))), .init("lessonId", .string(lessonID)),
      ]
    case .caseStage(let caseID, let stage, _):
      members += [
        .init("kind", .string("case")), .init("case", .string(caseID.rawValue)),
        .init("stage", .number(Double(stage))),
      ]
    }
    return .object(
      members + [.init("score", .number(Double(score))), .init("snippet", .string(snippet))])
  }
}

extension SourcesCommand {
  /// An entry as `nelm sources` prints it: the reference, its full form and link when the
  /// course has a references file, then what cites it.
  static func lines(of entry: SourceEntry) -> [String] {
    var lines = [entry.reference]
    for detail in [entry.full, entry.link].compactMap({ $0 }) { lines.append("  " + detail) }
    lines.append("  cited by " + entry.citations.map(\.description).joined(separator: ", "))
    return lines
  }
}
