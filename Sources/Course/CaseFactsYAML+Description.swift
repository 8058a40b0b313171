import Clinical
import Foundation

extension CaseFactsYAML {
  /// The change in words, one `path value` per changed key in the order written:
  /// `age 45; primary.status resected; liver.resectability none`.
  var changeDescription: String {
    leaves(prefix: "").map { ClinicalWords.fact($0.path, $0.value) }.joined(separator: "; ")
  }

  private func leaves(prefix: String) -> [(path: String, value: String)] {
    switch self {
    case .mapping(let entries, _):
      return entries.flatMap { entry in
        entry.value.leaves(prefix: prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)")
      }
    case .list(let items, _):
      let values = items.map(\.text)
      return [(prefix, values.isEmpty ? "none" : values.joined(separator: ", "))]
    case .scalar:
      return [(prefix, text)]
    }
  }

  /// A scalar as an author would say it; null is "none" (`liver none`: no liver metastases).
  private var text: String {
    guard case .scalar(let value, _) = self else { return changeDescription }
    switch value {
    case is NSNull: return "none"
    case let number as Double:
      return number == number.rounded() && abs(number) < 1e15
        ? String(Int(number)) : String(number)
    default: return "\(value)"
    }
  }
}
