import Cases
import Clinical
import Course
import Foundation
import Identifiers
import Progress

extension Tutor {
  /// The last `count` answers: the log's, then those not yet handed to it.
  func recentAnswers(_ count: Int) throws -> ArraySlice<Answer> {
    (try history(count) + unsavedAnswers).suffix(count)
  }

  /// The error shown when the answer log cannot be read: what is wrong with it, never "no
  /// answers".
  static func unreadableHistory(_ error: any Error) -> Reply {
    let detail = (error as? ProgressError)?.message ?? "\(error)"
    return .error("Cannot read your answers: \(detail). Your answers are left as they are.")
  }

  /// `progress [--json]`: lessons, accuracy by topic and step kind, streak, the last 30 days.
  func progress(_ arguments: [String]) -> Reply {
    // Every figure comes from the session's summaries: the log is not read.
    let stats = DashboardStats.compute(course: course, session: session, now: context.now())
    if arguments == ["--json"] { return Reply([.raw(progressJSON(stats))]) }
    guard arguments.isEmpty else { return .error("Usage: progress [--json]") }
    var blocks: [Block] = [.rule("Progress · \(session.learner)", right: "")]
    blocks += listLessons().blocks
    let now = context.now()
    let startOfToday = Calendar.current.startOfDay(for: now)
    blocks += Pictures.progressCharts(
      // The days' counts come from the checkpoint, so the log is not read for the chart.
      context.figureStyle,
      answerDates: stats.days.flatMap { Array(repeating: $0.date, count: $0.answers) },
      topics: stats.topics.map { ($0.name, $0.score.right, $0.score.answered) },
      due: session.due(at: startOfToday, within: 14 * 86_400).map(\.due), now: now)
    if !stats.stepKinds.isEmpty {
      blocks += [.blank, .text("Case steps by kind", .strong)]
      for (name, score) in stats.stepKinds {
        blocks.append(
          .row([
            Span("  " + ClinicalWords.stepKind(name).fitted(to: 22)), bar(score),
            Span(scoreText(score), .dim),
          ]))
      }
    }
    blocks += dueBlocks()
    blocks += [
      .blank,
      .text(
        "Streak: \(stats.streak) day\(stats.streak == 1 ? "" : "s") · \(stats.totalAnswers) answer\(stats.totalAnswers == 1 ? "" : "s") in all",
        .strong),
    ]
    if let weakest = stats.weakest.first {
      blocks.append(
        .paragraph([
          Span("Weakest: ", .accent),
          Span("\(ClinicalWords.stepKind(weakest.name)) (\(weakest.score.percent) % right). "),
          Span(suggestion(for: weakest.name), .dim),
        ]))
    }
    return Reply(blocks)
  }

  private func bar(_ score: DashboardStats.Score) -> Span {
    let filled = score.answered == 0 ? 0 : score.right * 10 / score.answered
    return Span(
      String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled),
      score.percent >= 80 ? .good : .accent)
  }

  private func scoreText(_ score: DashboardStats.Score) -> String {
    " \(String(score.percent).leftPadded(to: 3)) %  (\(score.right)/\(score.answered))"
  }

  /// What to do about a weak topic: the lesson that teaches it, or a quiz on it.
  func suggestion(for topic: String) -> String {
    if CaseTopic(rawValue: topic) != nil { return "Try `quiz --topic \(topic)`." }
    let lesson = course.lessons.max { a, b in
      a.questions.filter { $0.tags.contains(topic) }.count
        < b.questions.filter { $0.tags.contains(topic) }.count
    }
    guard let lesson, let index = course.lessons.firstIndex(of: lesson) else { return "" }
    return "Reread `study \(index + 1)` (\(lesson.title))."
  }

  /// `history [N]`: the last N answers (10 by default), newest last.
  func historyCommand(_ arguments: [String]) -> Reply {
    var count = 10
    if let first = arguments.first {
      guard let value = Int(first), value > 0, arguments.count == 1 else {
        return .error("Usage: history [N] (a positive number of answers)")
      }
      count = value
    }
    let recent: ArraySlice<Answer>
    do {
      recent = try recentAnswers(count)
    } catch {
      return Tutor.unreadableHistory(error)
    }
    guard !recent.isEmpty else { return Reply([.text("No answers yet.", .dim)]) }
    let style = Date.ISO8601FormatStyle(timeZone: .current).year().month().day()
      .dateTimeSeparator(.space).time(includingFractionalSeconds: false)
    let catalog = context.catalog
    return Reply(
      recent.map { answer in
        let mark = answer.skipped ? "–" : answer.correct ? "✓" : "✗"
        let (place, response) = Self.describe(answer, in: catalog)
        let outcome = answer.outcome == .acceptable ? " (accepted alternative)" : ""
        return .paragraph(
          [
            Span(answer.at.formatted(style) + "  ", .dim),
            Span(mark + " ", answer.correct ? .good : answer.skipped ? .dim : .bad),
            Span(place), Span("  \(response)\(outcome)", .dim),
            Span("  \(answer.durationMs / 1000) s", .dim),
          ], hang: 4)
      }
    ).paged()
  }

  /// Where an answer was given and what it said, in the course's words: the lesson and
  /// question or the case and step, and the options chosen by their text (never their ids).
  static func describe(_ answer: Answer, in catalog: ItemCatalog) -> (String, String) {
    func chosen(_ labels: [String: String]) -> String {
      answer.skipped
        ? "skipped"
        : answer.response.isEmpty
          ? "none" : answer.response.map { labels[$0] ?? $0 }.joined(separator: "; ")
    }
    switch catalog.resolve(answer.item) {
    case .question(let lesson, let question)?:
      let number = (lesson.questions.firstIndex(of: question) ?? 0) + 1
      let labels = Dictionary(
        question.options.map {
          ($0.id, $0.text.fitted(to: 30).trimmingCharacters(in: .whitespaces))
        },
        uniquingKeysWith: { a, _ in a })
      return ("\(lesson.title), question \(number)", chosen(labels))
    case .caseStep(let found, let step, let index)?:
      let key = try? step.answerKey().get()
      let labels = Dictionary(
        (key?.choices ?? []).map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
      return ("\(found.title), step \(index + 1)", chosen(labels))
    case nil:
      return ("an item no longer in the course", answer.skipped ? "skipped" : "")
    }
  }

  /// `learners`: everyone with a session file here.
  func learnersCommand() -> Reply {
    let names = learners()
    guard !names.isEmpty else { return Reply([.text("No learners yet.", .dim)]) }
    return Reply(
      names.map { name in
        .paragraph([
          Span("  " + name, name == session.learner ? .strong : .plain),
          Span(name == session.learner ? "  (you)" : "", .dim),
        ])
      })
  }

  /// Items due for review now (what `review` asks and the greeting counts), today (by the
  /// end of the day) and within the week.
  func dueCounts() -> (now: Int, today: Int, week: Int) {
    let now = context.now()
    let endOfToday = Calendar.current.startOfDay(for: now).addingTimeInterval(86_400)
    let today = context.dueItems(at: endOfToday).count
    let week = context.dueItems(at: endOfToday, within: 6 * 86_400).count
    return (context.dueItems(at: now).count, today, week)
  }

  /// The due-item line of `progress`.
  func dueBlocks() -> [Block] {
    let due = dueCounts()
    return [
      .blank,
      .paragraph([
        Span("Due for review: ", .strong),
        Span("\(due.now) now · \(due.today) by the end of today · \(due.week) this week"),
        Span(due.now > 0 ? "  (`review`)" : "", .dim),
      ]),
    ]
  }

  /// The object of `progress --json` (`Docs/progress.schema.json`), keys sorted.
  private func progressJSON(_ stats: DashboardStats) -> String {
    let due = dueCounts()
    func object(_ members: [String: JSONValue]) -> JSONValue {
      .object(members.sorted { $0.key < $1.key }.map { JSONValue.Member($0.key, $0.value) })
    }
    func count(_ value: Int) -> JSONValue { .number(Double(value)) }
    func score(_ score: DashboardStats.Score, _ more: [String: JSONValue]) -> JSONValue {
      object(
        more.merging(["right": count(score.right), "answered": count(score.answered)]) { a, _ in a }
      )
    }
    // The days begin at local midnight (Calendar.current): name them in the same time zone.
    let dayStyle = Date.ISO8601FormatStyle(timeZone: .current).year().month().day()
    return object([
      "learner": .string(session.learner),
      "answers": count(stats.totalAnswers),
      "streakDays": count(stats.streak),
      "lessons": .array(
        stats.lessonScores.map {
          score(
            $0.score,
            [
              "id": .string($0.id), "title": .string($0.title), "percent": count($0.percent),
              "questions": count($0.questions),
            ])
        }),
      "topics": .array(stats.topics.map { score($0.score, ["topic": .string($0.name)]) }),
      "stepKinds": .array(stats.stepKinds.map { score($0.score, ["kind": .string($0.name)]) }),
      "days": .array(
        stats.days.map {
          object([
            "date": .string($0.date.formatted(dayStyle)), "answers": count($0.answers),
            "right": count($0.right),
          ])
        }),
      "weakest": .texts(stats.weakest.map(\.name)),
      "due": object(["today": count(due.today), "week": count(due.week)]),
    ]).prettyPrinted()
  }
}
