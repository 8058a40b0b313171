/// Checks a folder of lesson files without stopping at the first problem.
public enum CourseLinter {
  /// Every problem in `directory`'s lesson files, with counts for a summary.
  ///
  /// Runs every check of `CourseLoader.load(from:)`, so a folder that lints clean loads, and
  /// then the checks of a course's quality that do not stop it from loading: keys spread over
  /// the option positions, and checks that examine the medicine rather than the tool.
  /// - Throws: `.notADirectory` or `.unreadable` when the folder cannot be listed.
  public static func lint(directory: String) throws(CourseError) -> LintReport {
    let scan = try CourseScanner.scan(directory: directory)
    var report = LintReport(
      directory: directory, files: scan.files, diagnostics: scan.diagnostics,
      lessonCount: scan.lessons.count,
      questionCount: scan.lessons.reduce(0) { $0 + $1.questions.count },
      caseCount: scan.cases.count)
    report.pageCount = scan.lessons.reduce(0) { $0 + $1.pages.count }
    report.glossaryCount = scan.glossary.count
    let course = Course(
      lessons: scan.lessons, cases: scan.cases, glossary: scan.glossary,
      references: scan.references)
    report.sourceCount = SourceCatalog.entries(in: course).count
    report.balance = CourseBalance(course: course)
    report.diagnostics =
      (report.diagnostics + scan.citationProblems).sorted(by: Diagnostic.inReadingOrder)
      + qualityProblems(report.balance, scan: scan, directory: directory)
    return report
  }
}

extension CourseLinter {
  /// One problem per check that mentions the tool, at its id, and one per key spread out of
  /// bounds, for the whole folder.
  static func qualityProblems(
    _ balance: CourseBalance, scan: CourseScanner.Scan, directory: String
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for check in balance.toolMentions {
      guard let place = scan.questionIDs.first(where: { $0.value == check.question }) else {
        continue
      }
      let words = check.words.map { "“\($0)”" }.joined(separator: ", ")
      diagnostics.append(
        Diagnostic(
          file: place.file, line: place.line, column: place.column,
          message:
            "question '\(check.question)' examines the tool, not the medicine (\(words)): "
            + "ask it in clinical words"))
    }
    for problem in balance.problems {
      diagnostics.append(Diagnostic(file: directory, line: 0, column: 0, message: problem))
    }
    return diagnostics
  }
}

/// What `nelm lint` found in a folder.
public struct LintReport: Sendable, Equatable {
  /// The folder, as the user named it.
  public var directory: String
  /// The lesson files read, as `DIR/name.yaml`.
  public var files: [String]
  /// Every problem, in reading order.
  public var diagnostics: [Diagnostic]
  /// Lessons read without a problem.
  public var lessonCount: Int
  /// Questions in those lessons.
  public var questionCount: Int
  /// Cases (from `cases/`) read without a problem.
  public var caseCount: Int
  /// Pages in the lessons read without a problem.
  public var pageCount = 0
  /// Distinct references cited by those lessons and cases (`CourseIndex.sources()`).
  public var sourceCount = 0
  /// Glossary entries, when the glossary file has no problem.
  public var glossaryCount = 0
  /// Where the keys sit and which checks mention the tool.
  public var balance = CourseBalance(course: Course(lessons: [], cases: []))

  /// Creates a report; `CourseLinter.lint(directory:)` is the usual source.
  public init(
    directory: String, files: [String], diagnostics: [Diagnostic], lessonCount: Int,
    questionCount: Int, caseCount: Int = 0
  ) {
    self.directory = directory
    self.files = files
    self.diagnostics = diagnostics
    self.lessonCount = lessonCount
    self.questionCount = questionCount
    self.caseCount = caseCount
  }

  /// Whether any problem was found.
  public var hasErrors: Bool { !diagnostics.isEmpty }

  /// One line for the end of a run: `3 errors in 2 files` (`… and in the course as a whole`
  /// when the balance of the whole course is off), or
  /// `Lessons: 2 lessons, 24 questions, 3 cases, no problems` (cases only when there are any).
  public var summary: String {
    if hasErrors {
      let fileCount = Set(diagnostics.filter { $0.line > 0 }.map(\.file)).count
      let whole = diagnostics.contains { $0.line == 0 } ? "the course as a whole" : nil
      let places = [fileCount > 0 ? counted(fileCount, "file") : nil, whole].compactMap { $0 }
      return "\(counted(diagnostics.count, "error")) in \(places.joined(separator: " and in "))"
    }
    let lessons = counted(lessonCount, "lesson")
    let cases = caseCount == 0 ? "" : ", \(counted(caseCount, "case"))"
    return
      "\(directory): \(lessons), \(counted(questionCount, "question"))\(cases), no problems"
  }

  private func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}
