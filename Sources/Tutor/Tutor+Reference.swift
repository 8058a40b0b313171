import Course
import Foundation

extension Tutor {
  /// The course's glossary, search and references, built the first time one is asked for
  /// (building it takes longer than start-up may).
  func courseIndex() -> CourseIndex {
    if let index = indexCache.index { return index }
    let built = CourseIndex(course: course)
    indexCache.index = built
    return built
  }

  /// `glossary`: every term with its expansion.
  func glossaryCommand() -> Reply {
    let terms = courseIndex().terms
    guard !terms.isEmpty else { return Reply([.text("The course has no glossary.", .dim)]) }
    let width = min(12, terms.map(\.term.count).max() ?? 0)
    return Reply(
      terms.map { entry in
        .paragraph(
          [Span("  " + entry.term.rightPadded(to: width) + "  ", .accent), Span(entry.expansion)],
          hang: width + 4)
      } + [.text("`define TERM` explains one.", .dim)]
    ).paged()
  }

  /// `define TERM`: the definition, what to see too, and the source.
  func defineCommand(_ arguments: [String]) -> Reply {
    let query = arguments.joined(separator: " ")
    guard !query.isEmpty else { return .error("Usage: define TERM (`glossary` lists them)") }
    let index = courseIndex()
    guard let entry = index.define(query) else {
      let close = index.completions(prefix: String(query.prefix(2)))
      let hint = close.isEmpty ? "" : " Close: \(close.prefix(6).joined(separator: ", "))."
      return .error("No glossary term '\(query)'.\(hint) `glossary` lists them all.")
    }
    var blocks: [Block] = [
      .paragraph([Span(entry.term, .strong), Span(" — \(entry.expansion)")]),
      .text(entry.definition, indent: 2),
    ]
    if !entry.see.isEmpty {
      blocks.append(.text("See also: " + entry.see.joined(separator: ", "), .dim, indent: 2))
    }
    if let source = entry.source {
      blocks.append(.paragraph([Span("Source: ", .dim), Span(source, .dim)], indent: 2))
    }
    return Reply(blocks)
  }

  /// `search WORDS`: pages, questions and case stages that hold every word.
  func searchCommand(_ arguments: [String]) -> Reply {
    let words = arguments.joined(separator: " ")
    guard !words.isEmpty else { return .error("Usage: search WORDS") }
    let hits = courseIndex().search(words)
    guard !hits.isEmpty else { return Reply([.text("Nothing found for “\(words)”.", .dim)]) }
    var blocks: [Block] = [
      .text("\(hits.count) place\(hits.count == 1 ? "" : "s") found:", .strong)
    ]
    for hit in hits.prefix(15) {
      blocks.append(
        .paragraph(
          [Span("  " + hit.location, .accent), Span("  " + openHint(hit.place), .dim)], hang: 4))
      blocks.append(.text(hit.snippet, .plain, indent: 4))
    }
    if hits.count > 15 {
      blocks.append(.text("… and \(hits.count - 15) more; add a word to narrow it.", .dim))
    }
    return Reply(blocks)
  }

  private func openHint(_ place: SearchHit.Place) -> String {
    switch place {
    case .page(let lesson, _, let page, _): return "`study \(lesson) \(page)`"
    case .question(_, let lesson, _): return "`study \(lesson)`"
    case .caseStage(let caseID, _, _): return "`case \(caseID)`"
    }
  }

  /// `sources`: every reference the course cites, with what cites it.
  func sourcesCommand() -> Reply {
    let sources = courseIndex().sources()
    var blocks: [Block] = [
      .text("\(sources.count) references, each with the items that cite it:", .strong)
    ]
    for entry in sources {
      blocks.append(.paragraph([Span("• "), Span(entry.reference)], hang: 2))
      if let full = entry.full { blocks.append(.text(full, .plain, indent: 4)) }
      if let link = entry.link { blocks.append(.text(link, .accent, indent: 4)) }
      let citations = entry.citations.map(\.description)
      let shown = citations.prefix(8).joined(separator: ", ")
      blocks.append(
        .text(
          shown + (citations.count > 8 ? ", … (\(citations.count) in all)" : ""), .dim, indent: 4))
    }
    return Reply(blocks).paged()
  }
}

/// Holds the course index once built; a class so that every copy of a tutor shares it.
final class CourseIndexCache {
  var index: CourseIndex?
}
