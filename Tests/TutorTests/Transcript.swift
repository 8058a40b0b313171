import Foundation
import Testing
@testable import Tutor

/// A session with the tutor as the learner reads it: every line typed after its prompt, then
/// the screen it brought, in plain text at 80 columns. Tests compare it whole, so a line that
/// appears, vanishes or moves is seen, not only the phrases a test thought to look for.
struct Transcript {
  /// The tutor the lines go to; tests read its session and answers as well.
  var tutor: Tutor
  /// Everything shown so far.
  private(set) var text = ""

  init(_ tutor: Tutor = TutorFixture.tutor()) {
    self.tutor = tutor
  }

  /// Types each line (an empty one is Enter) and keeps the screen it brings.
  mutating func type(_ lines: String...) {
    for line in lines {
      // The prompt alone for Enter, without its trailing space.
      let typed = (tutor.prompt + line).replacingOccurrences(
        of: " +$", with: "", options: .regularExpression)
      keep(typed, tutor.accept(line))
    }
  }

  /// Presses Ctrl-C at the prompt.
  mutating func interrupt() {
    keep(tutor.prompt + "^C", tutor.interrupt())
  }

  private mutating func keep(_ input: String, _ reply: Reply) {
    text += input + "\n" + reply.text
    if !text.hasSuffix("\n") { text += "\n" }
  }

  /// Expects the transcript to be `expected`, line for line; on a mismatch the issue shows a
  /// diff (`-` expected, `+` shown) with a line of context on each side. After a deliberate
  /// change to the screens, `TRANSCRIPT_DUMP=DIR swift test` writes each differing transcript
  /// to `DIR/LINE.txt`, to read through and paste.
  func expect(_ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard text != expected else { return }
    if let dump = ProcessInfo.processInfo.environment["TRANSCRIPT_DUMP"] {
      try? text.write(
        toFile: "\(dump)/\(sourceLocation.line).txt", atomically: true, encoding: .utf8)
    }
    let diff = Self.diff(expected: expected, actual: text)
    Issue.record("transcript differs:\n\(diff)", sourceLocation: sourceLocation)
  }

  /// The lines of `expected` and `actual`, marked where they differ.
  static func diff(expected: String, actual: String) -> String {
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    let changes = new.difference(from: old)
    var removed = Set<Int>()
    var inserted = Set<Int>()
    for change in changes {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    var rows: [(mark: Character, line: String)] = []
    var i = 0
    var j = 0
    while i < old.count || j < new.count {
      if i < old.count, removed.contains(i) {
        rows.append(("-", old[i]))
        i += 1
      } else if j < new.count, inserted.contains(j) {
        rows.append(("+", new[j]))
        j += 1
      } else {
        rows.append((" ", j < new.count ? new[j] : old[i]))
        i += 1
        j += 1
      }
    }
    let changed = rows.indices.filter { rows[$0].mark != " " }
    let shown = Set(changed.flatMap { [$0 - 1, $0, $0 + 1] })
    var out: [String] = []
    for index in rows.indices where shown.contains(index) {
      if index > 0, !shown.contains(index - 1), !out.isEmpty { out.append("  …") }
      out.append("\(rows[index].mark) \(rows[index].line)")
    }
    return out.joined(separator: "\n")
  }
}
