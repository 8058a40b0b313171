import Cases
import Course
import Foundation
import Identifiers
import Progress

/// The figures behind `progress`: computed from the course and the session's summaries (per
/// item, per day, the streak), never from the answer log, so they cost the same at any length.
struct DashboardStats: Equatable {
  /// Right and answered counts (latest answer per item).
  struct Score: Equatable {
    var right = 0
    var answered = 0
    var percent: Int { answered == 0 ? 0 : right * 100 / answered }
  }

  /// One day of the chart.
  struct Day: Equatable {
    var date: Date
    var answers: Int
    var right: Int
  }

  var lessonScores: [(id: String, title: String, percent: Int, score: Score, questions: Int)]
  var topics: [(name: String, score: Score)]
  var stepKinds: [(name: String, score: Score)]
  var days: [Day]
  var streak: Int
  var totalAnswers: Int

  static func == (lhs: DashboardStats, rhs: DashboardStats) -> Bool {
    lhs.days == rhs.days && lhs.streak == rhs.streak && lhs.totalAnswers == rhs.totalAnswers
  }

  /// Computes every figure; `calendar` decides where days begin.
  static func compute(
    course: Course, session: Session, now: Date, calendar: Calendar = .current
  ) -> DashboardStats {
    var topicScores: [String: Score] = [:]
    var lessons: [(String, String, Int, Score, Int)] = []
    for lesson in course.lessons {
      var score = Score()
      for question in lesson.questions {
        guard let last = session.record(of: lesson.itemID(of: question))?.last, !last.skipped else {
          continue
        }
        score.answered += 1
        score.right += last.correct ? 1 : 0
        let topic = question.tags.first ?? lesson.id
        topicScores[topic, default: Score()].answered += 1
        topicScores[topic, default: Score()].right += last.correct ? 1 : 0
      }
      let steps = max(1, lesson.stepCount)
      let position = session.lessons[lesson.id]
      let percent =
        position?.completed == true ? 100 : min(100, (position?.position ?? 0) * 100 / steps)
      lessons.append((lesson.id, lesson.title, percent, score, lesson.questions.count))
    }
    var kinds: [String: Score] = [:]
    for item in course.cases {
      for step in item.steps {
        guard let last = session.record(of: item.itemID(of: step))?.last, !last.skipped else {
          continue
        }
        kinds[step.kind.rawValue, default: Score()].answered += 1
        kinds[step.kind.rawValue, default: Score()].right += last.correct ? 1 : 0
        topicScores[step.kind.topic.rawValue, default: Score()].answered += 1
        topicScores[step.kind.topic.rawValue, default: Score()].right += last.correct ? 1 : 0
      }
    }
    // A generated case is not in the course, and its steps are not reviewed: their
    // outcomes are kept with the case, and the kind of each step is read from its name.
    for (id, progress) in session.cases where CaseID(id).isGenerated {
      for (step, outcome) in progress.outcomes where outcome != .skipped {
        guard let kind = GeneratedStepName.kind(of: step) else { continue }
        kinds[kind.rawValue, default: Score()].answered += 1
        kinds[kind.rawValue, default: Score()].right += outcome.isRight ? 1 : 0
        topicScores[kind.topic.rawValue, default: Score()].answered += 1
        topicScores[kind.topic.rawValue, default: Score()].right += outcome.isRight ? 1 : 0
      }
    }
    let days = lastDays(30, counts: session.days, now: now, calendar: calendar)
    return DashboardStats(
      lessonScores: lessons,
      topics: topicScores.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
      stepKinds: kinds.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
      days: days, streak: streak(session.streak, now: now, calendar: calendar),
      totalAnswers: session.answerCount)
  }

  /// Answers and right answers on each of the last `count` days, oldest first, from the
  /// session's counts by day (kept in the learner's calendar, `Session.days`).
  static func lastDays(_ count: Int, counts: [String: DayCount], now: Date, calendar: Calendar)
    -> [Day]
  {
    let today = calendar.startOfDay(for: now)
    return (0..<count).reversed().compactMap { offset in
      calendar.date(byAdding: .day, value: -offset, to: today).map { date in
        let found = counts[LocalDay(date, in: calendar.timeZone).key]
        return Day(date: date, answers: found?.answers ?? 0, right: found?.right ?? 0)
      }
    }
  }

  /// Consecutive days with at least one answer, ending today (or yesterday, when today has
  /// none yet: the streak is not broken before the day is over).
  static func streak(_ streak: Streak?, now: Date, calendar: Calendar) -> Int {
    streak?.length(today: LocalDay(now, in: calendar.timeZone)) ?? 0
  }

  /// Topics with at least three answers, weakest first.
  var weakest: [(name: String, score: Score)] {
    topics.filter { $0.score.answered >= 3 && $0.score.percent < 80 }
      .sorted { $0.score.percent < $1.score.percent }
  }
}
