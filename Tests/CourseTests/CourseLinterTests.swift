import Testing

@testable import Course

@Suite("Linting a course")
struct CourseLinterTests {
  @Test("ids and orders used twice are reported at the later use, naming the first")
  func crossFileDuplicates() throws {
    let folder = Fixtures.folder("duplicates")
    let first = Fixtures.file("duplicates", "a-first.yaml")
    let second = Fixtures.file("duplicates", "b-second.yaml")
    let third = Fixtures.file("duplicates", "c-third.yaml")
    let report = try CourseLinter.lint(directory: folder)
    #expect(
      report.diagnostics.map(\.description) == [
        "\(second):1:5: lesson id 'shared-lesson' is already used at \(first):1:5",
        "\(second):3:8: order 1 is already used by lesson 'shared-lesson' at \(first):3:8",
        "\(second):13:9: question id 'shared-question' is already used at \(first):13:9",
        "\(third):3:8: order 1 is already used by lesson 'shared-lesson' at \(first):3:8",
        "\(third):28:9: question id 'only-question' is already used at \(third):13:9",
      ])
    #expect(report.summary == "5 errors in 2 files")
  }

  @Test("the loader refuses what the linter reports")
  func loaderSharesTheChecks() throws {
    let folder = Fixtures.folder("duplicates")
    let report = try CourseLinter.lint(directory: folder)
    #expect(throws: CourseError.invalid(report.diagnostics)) {
      try CourseLoader.load(from: folder)
    }
  }

  @Test("a clean folder is summarised with its counts")
  func cleanSummary() throws {
    let folder = Fixtures.folder("valid")
    let report = try CourseLinter.lint(directory: folder)
    #expect(report.diagnostics == [])
    #expect(!report.hasErrors)
    #expect(
      report.files == [
        Fixtures.file("valid", "00-intro.yml"), Fixtures.file("valid", "01-grading.yaml"),
      ])
    #expect(report.summary == "\(folder): 2 lessons, 3 questions, no problems")
  }

  @Test(
    "summaries count in the singular and plural",
    arguments: [
      (1, 1, "1 error in 1 file"), (2, 1, "2 errors in 1 file"), (3, 2, "3 errors in 2 files"),
    ])
  func errorSummary(errors: Int, files: Int, expected: String) {
    let diagnostics = (0..<errors).map {
      Diagnostic(file: "f\($0 % files).yaml", line: 1, column: 1, message: "x")
    }
    let report = LintReport(
      directory: "D", files: [], diagnostics: diagnostics, lessonCount: 0, questionCount: 0)
    #expect(report.summary == expected)
  }

  @Test("a folder named with a trailing slash gets no double slash")
  func trailingSlash() throws {
    let files = try CourseScanner.lessonFiles(in: Fixtures.folder("valid") + "/")
    #expect(files.first == Fixtures.file("valid", "00-intro.yml"))
  }

  @Test("a diagnostic prints as file:line:column: message")
  func diagnosticDescription() {
    let diagnostic = Diagnostic(file: "Lessons/a.yaml", line: 14, column: 7, message: "m")
    #expect(diagnostic.description == "Lessons/a.yaml:14:7: m")
  }
}
