import Testing

@testable import Course

@Suite("Loading a course")
struct CourseLoaderTests {
  @Test("every field of a valid lesson arrives in the model")
  func validRoundTrip() throws {
    let course = try CourseLoader.load(from: Fixtures.folder("valid"))
    // Sorted by order, though 00-intro.yml sorts first by name too: check order, not names.
    #expect(course.lessons.map(\.id) == ["intro", "grading-and-staging"])
    let lesson = try #require(course.lesson(matching: "grading-and-staging"))
    #expect(lesson.file == Fixtures.file("valid", "01-grading.yaml"))
    #expect(lesson.title == "Grading, classification and staging")
    #expect(lesson.order == 2)
    #expect(
      lesson.summary
        == "How WHO 2010 names a neuroendocrine neoplasm and how Ki-67 sets its grade.")
    #expect(
      lesson.objectives == [
        "Assign a grade from a Ki-67 index and a mitotic count.",
        "Name the WHO 2010 category.",
      ])
    #expect(
      lesson.source
        == "Frilling et al., HPB 2010; Rindi et al., Virchows Arch 2006/2007 (ENETS)")
    #expect(
      lesson.pages == [
        Page(
          title: "Grade from proliferation",
          text: "Grade comes from the proliferation of the tumour.\n\n"
            + "A blank line starts a new paragraph.",
          source: "Rindi 2006/2007 (ENETS); WHO 2010",
          cloze: ["Grade comes from the {{c1::proliferation::what?}} of the tumour."]),
        Page(title: "Second page", text: "Short.", source: "WHO 2010"),
      ])
    #expect(lesson.questions.count == 3)
    #expect(lesson.questions.map(\.kind) == [.single, .multiple, .trueFalse])
  }

  @Test("a question keeps its options, key, hint, tags and difficulty")
  func questionFields() throws {
    let lesson = try #require(
      CourseLoader.load(from: Fixtures.folder("valid")).lesson(matching: "2"))
    let question = try #require(lesson.questions.first)
    #expect(
      question
        == Question(
          id: "grade-ki67-12", kind: .single,
          stem: "A pancreatic NET has Ki-67 12 % and 1 mitosis per 10 HPF. What is its grade?",
          options: [
            Option(id: "a", text: "G1", explanation: "G1 needs Ki-67 of 2 % or less."),
            Option(id: "b", text: "G2", explanation: "Ki-67 3–20 % is G2."),
            Option(id: "c", text: "G3", explanation: "G3 needs Ki-67 over 20 %."),
          ],
          key: ["b"], hint: "Grade each measure on its own, then take the higher.",
          explanation: "With two measures, the higher grade wins.",
          source: "Rindi 2006 (ENETS); WHO 2010", tags: ["grading", "ki67"], difficulty: 2))
    #expect(lesson.questions[1].key == ["a", "c"])
    #expect(lesson.questions[1].hint == nil)
    #expect(lesson.questions[1].tags == [])
  }

  @Test("a key written as a scalar is a key of one; True and False stay text")
  func scalarKeyAndTrueFalse() throws {
    let lesson = try #require(
      CourseLoader.load(from: Fixtures.folder("valid")).lesson(matching: "grading-and-staging"))
    let question = try #require(lesson.questions.last)
    #expect(question.key == ["a"])
    #expect(question.options.map(\.text) == ["True", "False"])
  }

  @Test("a broken course throws every problem, not the first")
  func invalidCourse() throws {
    let error = #expect(throws: CourseError.self) {
      try CourseLoader.load(from: Fixtures.folder("broken"))
    }
    guard case .invalid(let diagnostics) = error else {
      Issue.record("expected .invalid, got \(String(describing: error))")
      return
    }
    // Every problem of every file is there, not only the first file's first problem.
    let many = Fixtures.file("broken", "many-problems.yaml")
    let messages = diagnostics.filter { $0.file == many }.map(\.message)
    #expect(messages.contains("'order' must be an integer"))
    #expect(messages.contains("'difficulty' must be 1, 2 or 3; found 9"))
    #expect(Set(diagnostics.map(\.file)).count == LessonDecoderTests.rows.count)
    #expect(diagnostics == diagnostics.sorted(by: Diagnostic.inReadingOrder))
  }

  @Test("a missing folder is named in the error")
  func missingDirectory() {
    let path = Fixtures.folder("no-such-folder")
    #expect(throws: CourseError.notADirectory(path)) {
      try CourseLoader.load(from: path)
    }
    #expect(CourseError.notADirectory(path).message == "\(path): no such directory")
  }

  @Test("a file is not a folder")
  func fileIsNotADirectory() {
    let path = Fixtures.file("valid", "README.md")
    #expect(throws: CourseError.notADirectory(path)) {
      try CourseLoader.load(from: path)
    }
  }
}
