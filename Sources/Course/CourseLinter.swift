/// Checks a folder of lesson files without stopping at the first problem.
public enum CourseLinter {
  /// Every problem in `directory`'s lesson files, with counts for a summary.
  ///
  /// Runs exactly the checks of `CourseLoader.load(from:)`: a folder that lints clean loads.
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
    report.sourceCount =
      SourceCatalog.entries(in: Course(lessons: scan.lessons, cases: scan.cases)).count
    return report
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

  /// One line for the end of a run: `3 errors in 2 files`, or
  /// `Lessons: 2 lessons, 24 questions, 3 cases, no problems` (cases only when there are any).
  public var summary: String {
    if hasErrors {
      let fileCount = Set(diagnostics.map(\.file)).count
      return "\(counted(diagnostics.count, "error")) in \(counted(fileCount, "file"))"
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
