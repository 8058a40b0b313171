import Course
import Foundation
import Progress

extension Tutor {
  /// The version shown in the banner.
  public static let version = "0.1"

  /// The banner and the welcome line shown when the shell starts.
  public func welcome(isNewLearner: Bool) -> [Block] {
    var blocks: [Block] = [
      .paragraph([
        Span("nelm \(Tutor.version)", .strong),
        Span(" — management of neuroendocrine liver metastases (Frilling et al., HPB 2010)"),
      ]),
      .text("A teaching tool, not clinical decision support. Type `help` for commands.", .dim),
    ]
    if isNewLearner {
      blocks.append(
        .text(
          "Welcome, \(session.learner). `lessons` shows the course; `study 1` begins the first lesson."
        ))
    } else if let lesson = session.lastUnfinishedLesson(of: { context.provider.summary }) {
      blocks.append(
        .text(
          "Welcome back, \(session.learner). You left “\(lesson.title)” at "
            + "\(session.placeName(in: lesson)); `study` resumes it."))
    } else {
      blocks.append(.text("Welcome back, \(session.learner). `lessons` shows your progress."))
    }
    blocks += pausedWork()
    // From the course's summary, not the course: the greeting does not wait for it to load.
    let due = context.dueItems(at: context.now(), in: context.provider.summary).count
    if due > 0 {
      let noun = due == 1 ? "item is" : "items are"
      blocks.append(.text("\(due) \(noun) due for review: `review`.", .accent))
    }
    return blocks
  }

  /// `lessons`: every lesson with a progress bar and the questions answered right.
  func listLessons() -> Reply {
    guard !course.lessons.isEmpty else {
      return Reply([.text("The course has no lessons yet.", .dim)])
    }
    // The title takes what the number, bar, percentage and score leave of the width.
    let longest = course.lessons.map(\.title.count).max() ?? 0
    let titleWidth = max(8, min(longest, context.width - 35))
    var blocks: [Block] = []
    for (number, lesson) in course.lessons.enumerated() {
      let progress = session.lessons[lesson.id]
      let fraction: Double
      if progress?.completed == true {
        fraction = 1
      } else {
        fraction = Double(session.position(in: lesson)) / Double(max(1, lesson.stepCount))
      }
      let filled = Int((fraction * 10).rounded(.down))
      let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
      let percent = String(Int((fraction * 100).rounded(.down))).leftPadded(to: 3)
      let score = session.latestScore(of: lesson)
      let scoreText =
        score.answered == 0 && score.correct == 0
        ? "" : "   \(score.correct)/\(lesson.questions.count) right"
      blocks.append(
        .row([
          Span(String(number + 1).leftPadded(to: 3) + " "),
          Span(lesson.title.fitted(to: titleWidth) + "  "),
          Span(bar, fraction >= 1 ? .good : .accent),
          Span(" \(percent)%\(scoreText)", .dim),
        ]))
    }
    return Reply(blocks)
  }

  /// `help [command]`.
  func help(_ arguments: [String]) -> Reply {
    if let word = arguments.first {
      guard let command = CommandHelp.named(word.lowercased()) else {
        return .error(unknownCommandMessage(word.lowercased()))
      }
      var blocks: [Block] = [.text(command.usage, .strong), .text(command.summary, indent: 2)]
      if !command.aliases.isEmpty {
        blocks.append(.text("Also: \(command.aliases.joined(separator: ", "))", .dim, indent: 2))
      }
      return Reply(blocks)
    }
    let width = CommandHelp.all.map(\.usage.count).max() ?? 0
    // Two columns when the summaries keep 30 columns beside the usages; else each summary
    // goes under its usage.
    let columns = width + 4 + 30 <= min(context.width, TextRenderer.proseWidth)
    var blocks: [Block] = [.text("Commands:", .strong)]
    for command in CommandHelp.all {
      if columns {
        blocks.append(
          .paragraph(
            [
              Span("  " + command.usage.rightPadded(to: width) + "  ", .accent),
              Span(command.summary),
            ],
            hang: width + 4))
      } else {
        blocks.append(.paragraph([Span("  " + command.usage, .accent)], hang: 4))
        blocks.append(.text(command.summary, indent: 6))
      }
    }
    blocks += [
      .text("Answer a question with its letter (`b`), or letters for several (`a c`)."),
      .text("Tab completes commands, lesson numbers and ids. Ctrl-C cancels, Ctrl-D leaves.", .dim),
    ]
    return Reply(blocks).paged()
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }

  func rightPadded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  /// Exactly `width` characters: cut with `…`, or padded with spaces.
  func fitted(to width: Int) -> String {
    count > width ? String(prefix(max(0, width - 1))) + "…" : rightPadded(to: width)
  }
}
