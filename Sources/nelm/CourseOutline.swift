import Foundation

/// The ids and terms of a course folder, read from the lines of its YAML files without
/// parsing or caching them: what Tab completion needs, without the cost of the YAML parser.
///
/// A lesson or case file names its id on a top-level `id:` line and the glossary each term on
/// a `term:` line (`Lessons/README.md`). A file written otherwise is valid YAML all the same;
/// it only goes without completion. Only regular files are opened, so a FIFO in the folder
/// cannot hang the shell waiting for candidates.
struct CourseOutline {
  /// The course folder.
  let folder: String

  /// The ids of the lesson files, in file-name order.
  var lessonIDs: [String] { ids(in: folder) }

  /// The ids of the authored cases (`cases/`), in file-name order.
  var caseIDs: [String] { ids(in: folder + "/cases") }

  /// The glossary's terms, in the order written.
  var glossaryTerms: [String] {
    for name in ["glossary.yaml", "glossary.yml"] {
      guard let text = Self.read(folder + "/" + name, limit: 1 << 20) else { continue }
      return text.split(separator: "\n").compactMap { line in
        var rest = line.drop { $0 == " " }
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        guard rest.hasPrefix("term:") else { return nil }
        return Self.scalar(rest.dropFirst("term:".count))
      }
    }
    return []
  }

  private func ids(in directory: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().compactMap {
      name in
      // The id is the first line of every course file; 4 KB leaves room for a comment.
      guard let text = Self.read(directory + "/" + name, limit: 4096) else { return nil }
      let line = text.split(separator: "\n").first { $0.hasPrefix("id:") }
      return line.flatMap { Self.scalar($0.dropFirst("id:".count)) }
    }
  }

  /// The value of a one-line YAML scalar: trimmed, without a trailing comment or its quotes;
  /// nil when empty or when it holds a control character (it would reach the terminal).
  private static func scalar(_ text: Substring) -> String? {
    var value = text.trimmingCharacters(in: .whitespaces)
    if let quote = value.first, quote == "\"" || quote == "'" {
      guard let end = value.dropFirst().firstIndex(of: quote) else { return nil }
      value = String(value[value.index(after: value.startIndex)..<end])
    } else if let comment = value.range(of: " #") {
      value = value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
    }
    guard !value.isEmpty,
      !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else { return nil }
    return value
  }

  /// At most `limit` bytes of the regular file at `path`; nil for anything else.
  private static func read(_ path: String, limit: Int) -> String? {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
      let handle = FileHandle(forReadingAtPath: path)
    else { return nil }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: limit) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }
}
