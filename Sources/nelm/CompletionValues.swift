import ArgumentParser
import Course
import Foundation
import Identifiers
import Progress

/// The values the shells complete by calling back into nelm (`CompletionKind.custom`):
/// learner names, case ids, glossary terms and lesson ids.
///
/// Each runs on every Tab, so it reads only what it names (a folder listing, the first lines
/// of the course's YAML files) and writes nothing: no lock, no session file, no course cache.
/// The folders are those the command line names (`--lessons`, `--sessions`), else the
/// defaults every command uses. The shell script keeps the candidates that start with the word
/// being completed.
enum CompletionValues {
  /// The learners with a session file in the sessions folder.
  static var learners: CompletionKind {
    .custom { words, _, _ in
      guard let folder = option("--sessions", in: words) ?? paths.defaultSessions() else {
        return []
      }
      return forShell(SessionStore(directory: URL(fileURLWithPath: folder)).learners().map(\.value))
    }
  }

  /// The authored case ids, and the generated forms `random:SEED` and `random:SEED:TOPIC`:
  /// once a seed is typed, one candidate per topic.
  static var caseIDs: CompletionKind {
    .custom { words, _, prefix in
      let parts = prefix.split(separator: ":", omittingEmptySubsequences: false)
      if parts.count >= 2, parts[0] == "random", UInt64(parts[1]) != nil {
        let seeded = "random:\(parts[1])"
        return forShell([seeded] + CaseTopic.names.map { "\(seeded):\($0)" })
      }
      return forShell(CourseOutline(folder: lessons(words)).caseIDs + ["random:"])
    }
  }

  /// The glossary's terms.
  static var glossaryTerms: CompletionKind {
    .custom { words, _, _ in forShell(CourseOutline(folder: lessons(words)).glossaryTerms) }
  }

  /// The lesson ids.
  static var lessonIDs: CompletionKind {
    .custom { words, _, _ in forShell(CourseOutline(folder: lessons(words)).lessonIDs) }
  }

  /// `candidates` as the requesting shell's script passes them on: zsh's `_describe` reads
  /// an unescaped `:` as the start of a description (`random:42` would offer `random`), and
  /// swift-argument-parser 1.8.2 does not escape it.
  static func forShell(_ candidates: [String]) -> [String] {
    guard CompletionShell.requesting == .zsh else { return candidates }
    return candidates.map { $0.replacingOccurrences(of: ":", with: "\\:") }
  }

  private static var paths: Paths { Paths(environment: ProcessInfo.processInfo.environment) }

  private static func lessons(_ words: [String]) -> String {
    option("--lessons", in: words) ?? paths.defaultLessons()
  }

  /// The last value of `name` in the words of the command line, as the shell would pass it:
  /// without the quotes around it, `~/` made the home folder.
  static func option(_ name: String, in words: [String]) -> String? {
    guard var value = CommandSupport.lastValue(of: name, in: words), !value.isEmpty else {
      return nil
    }
    if value.count >= 2, let first = value.first, first == "'" || first == "\"",
      value.last == first
    {
      value = String(value.dropFirst().dropLast())
    }
    if value.hasPrefix("~/") {
      value = NSHomeDirectory() + value.dropFirst()
    }
    return value
  }
}
