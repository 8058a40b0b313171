import Foundation
import Yams

/// Case facts as written in a case file, with where every key and value was written.
///
/// The facts parser of the engine reads plain Foundation values and names its problems by key
/// path (`primary.extent`); keeping the marks beside the values lets a problem be shown at the
/// line of the key that caused it, even after the stages' updates are merged in.
indirect enum CaseFactsYAML {
  /// One key of a mapping, with where the key was written.
  struct Entry {
    var key: String
    var keyMark: Mark?
    var value: CaseFactsYAML
  }

  /// A string, integer, number, boolean or null, as `CaseFactsParser.parse(object:)` takes it.
  case scalar(Any, Mark?)
  case list([CaseFactsYAML], Mark?)
  case mapping([Entry], Mark?)

  /// Reads `node`; reports what the facts cannot hold (a key that is not text, an alias) and
  /// returns nil when there was any such problem.
  static func read(_ node: Node, log: inout DiagnosticLog) -> CaseFactsYAML? {
    switch node {
    case .scalar:
      return .scalar(value(ofScalar: node), node.mark)
    case .sequence(let sequence):
      let items = sequence.map { read($0, log: &log) }
      return items.allPresent().map { .list($0, node.mark) }
    case .mapping(let mapping):
      var entries: [Entry?] = []
      for (keyNode, valueNode) in mapping {
        guard case .scalar(let key) = keyNode, !keyNode.isNull else {
          log.report("a key of the case facts must be text", at: keyNode.mark)
          entries.append(nil)
          continue
        }
        entries.append(
          read(valueNode, log: &log).map {
            Entry(key: key.string, keyMark: keyNode.mark, value: $0)
          }
        )
      }
      return entries.allPresent().map { .mapping($0, node.mark) }
    case .alias:
      log.report("aliases are not allowed in case facts; write the value out", at: node.mark)
      return nil
    }
  }

  /// A plain scalar as the type its YAML tag resolves to; a quoted one stays a string.
  private static func value(ofScalar node: Node) -> Any {
    if node.isNull { return NSNull() }
    switch node.tag.rawValue {
    case Tag.Name.bool.rawValue: if let flag = node.bool { return flag }
    case Tag.Name.int.rawValue:
      if let number = node.int { return number }
      // An integer too large for Int is still a number: "out of range", not "a string".
      if let number = node.float { return number }
    case Tag.Name.float.rawValue: if let number = node.float { return number }
    default: break
    }
    return node.scalar?.string ?? ""
  }

  /// These facts with `change` laid over them: mappings merge key by key, anything else
  /// (a scalar, a list, null) replaces.
  func merged(with change: CaseFactsYAML) -> CaseFactsYAML {
    guard case .mapping(var entries, let mark) = self, case .mapping(let changes, _) = change
    else { return change }
    for entry in changes {
      if let index = entries.firstIndex(where: { $0.key == entry.key }) {
        let value = entries[index].value.merged(with: entry.value)
        entries[index] = Entry(key: entry.key, keyMark: entry.keyMark, value: value)
      } else {
        entries.append(entry)
      }
    }
    return .mapping(entries, mark)
  }

  /// The facts as Foundation values, for `CaseFactsParser.parse(object:)`.
  var object: Any {
    switch self {
    case .scalar(let value, _): value
    case .list(let items, _): items.map(\.object)
    case .mapping(let entries, _):
      Dictionary(entries.map { ($0.key, $0.value.object) }) { _, last in last }
    }
  }

  /// Where the deepest part of `path` (`primary.extent`, `contraindications[1]`) that exists
  /// was written: the key of a mapping entry or the item of a list; nil when not even the
  /// first part exists.
  func mark(at path: String) -> Mark? {
    var node = self
    var found: Mark?
    for part in Self.components(of: path) {
      switch (node, part) {
      case (.mapping(let entries, _), .key(let key)):
        guard let entry = entries.first(where: { $0.key == key }) else { return found }
        found = entry.keyMark
        node = entry.value
      case (.list(let items, _), .index(let index)) where items.indices.contains(index):
        found = items[index].mark
        node = items[index]
      default:
        return found
      }
    }
    return found
  }

  private var mark: Mark? {
    switch self {
    case .scalar(_, let mark), .list(_, let mark), .mapping(_, let mark): mark
    }
  }

  private enum Component {
    case key(String)
    case index(Int)
  }

  private static func components(of path: String) -> [Component] {
    guard path != "(root)" else { return [] }
    var result: [Component] = []
    for part in path.split(separator: ".") {
      let pieces = part.split(separator: "[")
      if let key = pieces.first, !part.hasPrefix("[") { result.append(.key(String(key))) }
      for index in pieces.dropFirst() {
        if let number = Int(index.dropLast()) { result.append(.index(number)) }
      }
    }
    return result
  }
}
