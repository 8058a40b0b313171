import Foundation

/// Turns Foundation's decoding errors into a short "what and where" for `.corrupt`.
enum DecodingDetail {
  /// Describes `error`, met while decoding `data`, e.g. `answers[2].correct: expected to
  /// decode Bool but found a string instead` or `not valid JSON: unexpected end of file at
  /// line 4, column 1`.
  static func describe(_ error: any Error, in data: Data) -> String {
    guard let error = error as? DecodingError else {
      // Foundation's own JSON errors (invalid UTF-8, a number it cannot hold) are not
      // DecodingErrors and describe themselves in internal terms.
      return syntaxProblem(in: data) ?? "not valid JSON: the file is not UTF-8 text, or holds a "
        + "number too large to read"
    }
    switch error {
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      return syntaxProblem(in: data) ?? "not valid JSON: \(sentence(context.debugDescription))"
    case .dataCorrupted(let context):
      return "\(keyPath(context.codingPath)): \(sentence(context.debugDescription))"
    case .keyNotFound(let key, let context):
      let place = context.codingPath.isEmpty ? "the top level" : keyPath(context.codingPath)
      return "missing key '\(ProgressError.printable(key.stringValue))' at \(place)"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      let place = context.codingPath.isEmpty ? "the top level" : keyPath(context.codingPath)
      return "\(place): \(sentence(context.debugDescription))"
    @unknown default:
      return "\(error)"
    }
  }

  /// A coding path written as a JSON-path-like key, e.g. `answers[2].correct`.
  static func keyPath(_ path: [any CodingKey]) -> String {
    var out = ""
    for key in path {
      // Array positions come as "Index 2"; a dictionary key "2" must stay a key.
      if let index = key.intValue, key.stringValue == "Index \(index)" {
        out += "[\(index)]"
      } else {
        // Keys come from the file: a hostile one must not drive the terminal.
        out += (out.isEmpty ? "" : ".") + ProgressError.printable(key.stringValue)
      }
    }
    return out
  }

  /// JSONDecoder only says "not valid JSON"; JSONSerialization says at which byte, which is
  /// turned here into a line and column the learner can find in an editor.
  private static func syntaxProblem(in data: Data) -> String? {
    do {
      _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
      return nil
    } catch {
      let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
      if text.hasPrefix("Unexpected end of file") {
        return "not valid JSON: the file ends too early, at \(position(of: data.count, in: data))"
      }
      guard let offset = characterOffset(in: text) else {
        return text.isEmpty ? nil : "not valid JSON: \(sentence(text))"
      }
      let problem = text.components(separatedBy: " around ").first ?? text
      return "not valid JSON: \(sentence(problem)) at \(position(of: offset, in: data))"
    }
  }

  /// The number in "... around character 22." (a byte offset).
  private static func characterOffset(in text: String) -> Int? {
    guard let range = text.range(of: "character ") else { return nil }
    return Int(text[range.upperBound...].prefix(while: \.isNumber))
  }

  /// `line L, column C` (both from 1, columns counted in bytes) for a byte offset.
  private static func position(of offset: Int, in data: Data) -> String {
    var line = 1
    var lineStart = 0
    for (index, byte) in data.prefix(offset).enumerated() where byte == 0x0A {
      line += 1
      lineStart = index + 1
    }
    return "line \(line), column \(offset - lineStart + 1)"
  }

  /// Foundation's text with its first letter lowered and the final full stop dropped.
  private static func sentence(_ text: String) -> String {
    let trimmed = text.hasSuffix(".") ? String(text.dropLast()) : text
    return trimmed.prefix(1).lowercased() + trimmed.dropFirst()
  }
}
