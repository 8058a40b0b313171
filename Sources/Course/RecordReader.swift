import Foundation
import Yams

/// One YAML mapping read as a record of the lesson format (a lesson, page, question or option).
///
/// Every accessor reports what is wrong with its key to the log and returns nil, so a caller
/// reads all the keys it needs and the file's problems are collected in one pass.
struct RecordReader {
  /// The kind of record, for "unknown key" messages: `page`.
  let kind: String
  /// This record, for the other messages: `page 2`, `question 'grade-ki67-12'`.
  let name: String
  let mark: Mark?
  private let values: [String: Node]

  /// Opens `node` as a record, reporting a node that is not a mapping and every key outside
  /// `keys`; returns nil when `node` is not a mapping.
  init?(_ node: Node, kind: String, name: String, keys: [String], log: inout DiagnosticLog) {
    guard case .mapping(let mapping) = node else {
      log.report("\(name) must be a mapping of keys", at: node.mark)
      return nil
    }
    var values: [String: Node] = [:]
    for (keyNode, value) in mapping {
      guard case .scalar(let key) = keyNode, keys.contains(key.string) else {
        let shown = keyNode.scalar?.string ?? "?"
        let expected = keys.joined(separator: ", ")
        log.report(
          "unknown key '\(shown)' in \(kind); expected one of: \(expected)", at: keyNode.mark)
        continue
      }
      values[key.string] = value
    }
    self.kind = kind
    self.name = name
    self.mark = mapping.mark
    self.values = values
  }

  /// The value of a required key; reports the key as missing, at the mapping, when absent.
  func node(_ key: String, log: inout DiagnosticLog) -> Node? {
    guard let value = values[key] else {
      log.report("missing key '\(key)' in \(name)", at: mark)
      return nil
    }
    return value
  }

  /// The value of an optional key, nil when absent.
  func optionalNode(_ key: String) -> Node? { values[key] }

  /// A required, non-empty text, trimmed of the blank lines YAML block scalars leave.
  func text(_ key: String, log: inout DiagnosticLog) -> String? {
    node(key, log: &log).flatMap { text(of: $0, key: key, log: &log) }
  }

  /// A non-empty text held by `node`, the value of `key`.
  func text(of node: Node, key: String, log: inout DiagnosticLog) -> String? {
    guard case .scalar(let scalar) = node else {
      log.report("'\(key)' must be a string", at: node.mark)
      return nil
    }
    let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty, !node.isNull else {
      log.report("empty '\(key)' in \(name)", at: node.mark)
      return nil
    }
    if key == "source" { log.noteSource(text, at: node.mark) }
    return text
  }

  /// A required integer, with where it was written.
  func integer(_ key: String, log: inout DiagnosticLog) -> (value: Int, mark: Mark?)? {
    guard let node = node(key, log: &log) else { return nil }
    guard let value = node.integer else {
      log.report("'\(key)' must be an integer", at: node.mark)
      return nil
    }
    return (value, node.mark)
  }

  /// A required list; `nonEmpty` reports an empty one.
  func list(_ key: String, nonEmpty: Bool, log: inout DiagnosticLog) -> [Node]? {
    guard let node = node(key, log: &log) else { return nil }
    guard case .sequence(let sequence) = node else {
      log.report("'\(key)' must be a list", at: node.mark)
      return nil
    }
    if nonEmpty && sequence.isEmpty {
      log.report("empty '\(key)' in \(name)", at: node.mark)
      return nil
    }
    return Array(sequence)
  }

  /// A required list of non-empty texts.
  func texts(_ key: String, nonEmpty: Bool, log: inout DiagnosticLog) -> [String]? {
    guard let items = list(key, nonEmpty: nonEmpty, log: &log) else { return nil }
    var texts: [String] = []
    for (index, item) in items.enumerated() {
      let label = "\(key)' item \(index + 1)"
      guard case .scalar(let scalar) = item else {
        log.report("'\(label) must be a string", at: item.mark)
        continue
      }
      let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !text.isEmpty, !item.isNull else {
        log.report("empty '\(label) in \(name)", at: item.mark)
        continue
      }
      texts.append(text)
    }
    return texts.count == items.count ? texts : nil
  }
}
