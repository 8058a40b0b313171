/// Whether a course can be passed by a habit instead of by knowledge: where the right answers
/// sit among the options, how true/false keys split, and which checks examine the tool.
///
/// The shell shuffles options, but the files and the Anki export show them as written, so the
/// written order must not teach "always a" either.
public struct CourseBalance: Sendable, Equatable {
  /// How many single-answer lesson checks have their key at each position (0 is "a").
  public var lessonKeyPositions: [Int]
  /// How many treatment and next-step case steps have the engine's first choice at each
  /// position of the options shown.
  public var caseKeyPositions: [Int]
  /// True/false checks whose key is True.
  public var trueKeys: Int
  /// True/false checks whose key is False.
  public var falseKeys: Int
  /// The checks that mention the tool, with the words that do.
  public var toolMentions: [ToolMentioningCheck]

  /// The largest share one position may hold, and the range of True keys, once a course has
  /// `minimumCount` keys of the kind (a handful of checks cannot be spread).
  public static let maximumPositionShare = 0.4
  /// The smallest and largest share of True among true/false keys.
  public static let trueShareRange = 0.4...0.6
  /// Below this many keys of a kind, the spread is reported but not judged.
  public static let minimumCount = 10

  /// Counts the course's keys and tool mentions.
  public init(course: Course) {
    lessonKeyPositions = []
    caseKeyPositions = []
    trueKeys = 0
    falseKeys = 0
    toolMentions = []
    for question in course.lessons.flatMap(\.questions) {
      switch question.kind {
      case .single:
        if let key = question.key.first,
          let index = question.options.firstIndex(where: { $0.id == key })
        {
          Self.count(index, in: &lessonKeyPositions)
        }
      case .trueFalse:
        if question.key.first == "a" { trueKeys += 1 } else { falseKeys += 1 }
      case .multiple:
        break
      }
      let words = ToolMention.words(in: question)
      if !words.isEmpty {
        toolMentions.append(ToolMentioningCheck(question: question.id, words: words))
      }
    }
    for step in course.cases.flatMap(\.steps) where [.treatment, .nextStep].contains(step.kind) {
      guard case .success(let key) = step.answerKey(), let best = key.correct.first,
        let index = key.choices.firstIndex(where: { $0.id == best })
      else { continue }
      Self.count(index, in: &caseKeyPositions)
    }
  }

  /// Problems with the balance, in words an author can act on; empty when it is within bounds.
  public var problems: [String] {
    var problems: [String] = []
    for (counts, what) in [
      (lessonKeyPositions, "single-answer lesson checks"),
      (caseKeyPositions, "treatment and next-step case steps"),
    ] {
      let total = counts.reduce(0, +)
      guard total >= Self.minimumCount, let most = counts.max(),
        let index = counts.firstIndex(of: most)
      else { continue }
      if Double(most) > Self.maximumPositionShare * Double(total) {
        problems.append(
          "\(most) of \(total) \(what) have their key at option \(Self.letter(index)) "
            + "(at most \(Int(Self.maximumPositionShare * 100)) %): move some keys to other "
            + "positions")
      }
    }
    let trueFalse = trueKeys + falseKeys
    if trueFalse >= Self.minimumCount {
      let share = Double(trueKeys) / Double(trueFalse)
      if !Self.trueShareRange.contains(share) {
        problems.append(
          "\(trueKeys) of \(trueFalse) true/false checks are keyed True (keep it between "
            + "\(Int(Self.trueShareRange.lowerBound * 100)) and "
            + "\(Int(Self.trueShareRange.upperBound * 100)) %)")
      }
    }
    return problems
  }

  /// `a`, `b`, `c`… for a position.
  public static func letter(_ index: Int) -> String {
    String(UnicodeScalar(UInt8(ascii: "a") + UInt8(min(index, 25))))
  }

  private static func count(_ index: Int, in counts: inout [Int]) {
    if counts.count <= index { counts += Array(repeating: 0, count: index + 1 - counts.count) }
    counts[index] += 1
  }
}

/// A lesson check that mentions the tool, and the words that do.
public struct ToolMentioningCheck: Sendable, Equatable {
  /// The question's id.
  public var question: String
  /// What in it names the tool (`engine`, `D7`, `two_stage`).
  public var words: [String]
}
