import Foundation

/// The one path under both `CourseLoader` and `CourseLinter`: list a folder's lesson files, its
/// glossary file and its `cases/` folder's case files, decode each on its own, then run the
/// course-wide checks.
///
/// Only `lessonFiles(in:)` and `read(file:)` touch the disk; decoding and checking are pure
/// functions of the files' names and text, so a cache keyed by content can slot in between.
enum CourseScanner {
  /// The outcome of reading a folder.
  struct Scan: Sendable {
    /// Every lesson file, as `DIR/name.yaml`, sorted by name, then the glossary file (if any),
    /// then every case file.
    var files: [String]
    /// The lessons of the files that have no problem, in file order.
    var lessons: [Lesson]
    /// The cases of the case files that have no problem, in file order.
    var cases: [ClinicalCase] = []
    /// The entries of the glossary file when it has no problem; empty without one.
    var glossary: [GlossaryEntry] = []
    /// Every problem in every file, in reading order.
    var diagnostics: [Diagnostic]
    /// Every question id where it was read, for messages about a whole question.
    var questionIDs: [Located<String>] = []
    /// The references file's entries, in the order written; empty without one.
    var references: [Reference] = []
    /// Sources that name no listed reference, and listed references no source names: reported
    /// by lint, but they do not stop the course from loading (an author's half-done edit must
    /// not lock learners out).
    var citationProblems: [Diagnostic] = []
  }

  /// Reads and checks every lesson file in `directory` and every case file in its `cases/`
  /// folder; a course without a `cases/` folder has no cases. A folder with neither is not a
  /// course (`.noCourseFiles`): a wrong `--lessons` must not look like an empty course.
  static func scan(directory: String) throws(CourseError) -> Scan {
    let all = try lessonFiles(in: directory)
    let root = CourseFileReader.root(of: directory)
    // `glossary.yaml` and `references.yaml` sit beside the lessons but are not lessons.
    let files = all.filter { !GlossaryDecoder.isGlossary($0) && !ReferenceDecoder.isReferences($0) }
    let glossaries = all.filter(GlossaryDecoder.isGlossary).map {
      readGlossary(file: $0, root: root)
    }
    let references = all.filter(ReferenceDecoder.isReferences).map {
      readReferences(file: $0, root: root)
    }
    let casesFolder = (directory.hasSuffix("/") ? directory : directory + "/") + "cases"
    var isDirectory: ObjCBool = false
    var caseFiles: [String] = []
    var outside: [Diagnostic] = []
    if FileManager.default.fileExists(atPath: casesFolder, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      if let problem = CourseFileReader.outside(casesFolder, root: root) {
        outside.append(Diagnostic(file: casesFolder, line: 1, column: 1, message: problem))
      } else {
        caseFiles = try lessonFiles(in: casesFolder)
      }
    }
    guard !all.isEmpty || !caseFiles.isEmpty || !outside.isEmpty else {
      throw .noCourseFiles(directory)
    }
    var scan = check(
      files.map { read(file: $0, root: root) },
      cases: caseFiles.map { readCase(file: $0, root: root) },
      glossaries: glossaries, references: references)
    scan.diagnostics = (outside + scan.diagnostics).sorted(by: Diagnostic.inReadingOrder)
    return scan
  }

  /// Runs the course-wide checks over files decoded one by one.
  static func check(
    _ decoded: [DecodedLesson], cases: [DecodedCase] = [], glossaries: [DecodedGlossary] = [],
    references: [DecodedReferences] = []
  ) -> Scan {
    let sources =
      decoded.flatMap(\.sources) + cases.flatMap(\.sources) + glossaries.flatMap(\.sources)
    let diagnostics =
      decoded.flatMap(\.diagnostics) + CourseChecks.duplicates(in: decoded)
      + cases.flatMap(\.diagnostics) + CaseChecks.duplicates(in: cases)
      + glossaries.flatMap(\.diagnostics) + GlossaryChecks.check(glossaries)
      + references.flatMap(\.diagnostics)
    return Scan(
      files: decoded.map(\.file) + glossaries.map(\.file) + references.map(\.file)
        + cases.map(\.file),
      lessons: decoded.compactMap(\.lesson),
      cases: cases.compactMap(\.clinicalCase),
      glossary: glossaries.flatMap { $0.entries ?? [] },
      diagnostics: diagnostics.sorted(by: Diagnostic.inReadingOrder),
      questionIDs: decoded.flatMap(\.questionIDs),
      references: references.flatMap { $0.references ?? [] },
      citationProblems: references.flatMap {
        ReferenceChecks.check(sources: sources, catalog: $0)
      }.sorted(by: Diagnostic.inReadingOrder))
  }

  /// The `*.yaml` and `*.yml` files of `directory`, named as `DIR/file`, sorted by name.
  /// Hidden files are skipped: editors leave lock and swap files beside the ones being edited.
  static func lessonFiles(in directory: String) throws(CourseError) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw .notADirectory(directory) }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
      let reason = underlying.map { String(cString: strerror(Int32($0.code))) }
      throw .unreadable(path: directory, reason: reason ?? error.localizedDescription)
    }
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    return
      names
      .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
      .sorted()
      .map { prefix + $0 }
  }

  /// Reads and decodes one file; a file that cannot be read or is not UTF-8 is one problem.
  /// `root` is the course folder (the file's own folder when not given): a link that leads
  /// out of it is not followed.
  static func read(file: String, root: String? = nil) -> DecodedLesson {
    switch CourseFileReader.text(of: file, root: root) {
    case .success(let text): LessonDecoder.decode(yaml: text, file: file)
    case .failure(let problem): .failed(file: file, problem.message)
    }
  }

  /// Reads and decodes one case file, as `read(file:)` does a lesson file.
  static func readCase(file: String, root: String? = nil) -> DecodedCase {
    switch CourseFileReader.text(of: file, root: root) {
    case .success(let text): CaseDecoder.decode(yaml: text, file: file)
    case .failure(let problem): .failed(file: file, problem.message)
    }
  }

  /// Reads and decodes the glossary file, as `read(file:)` does a lesson file.
  static func readGlossary(file: String, root: String? = nil) -> DecodedGlossary {
    switch CourseFileReader.text(of: file, root: root) {
    case .success(let text): GlossaryDecoder.decode(yaml: text, file: file)
    case .failure(let problem): .failed(file: file, problem.message)
    }
  }

  /// Reads and decodes the references file, as `read(file:)` does a lesson file.
  static func readReferences(file: String, root: String? = nil) -> DecodedReferences {
    switch CourseFileReader.text(of: file, root: root) {
    case .success(let text): ReferenceDecoder.decode(yaml: text, file: file)
    case .failure(let problem):
      DecodedReferences(
        file: file, references: nil,
        diagnostics: [Diagnostic(file: file, line: 1, column: 1, message: problem.message)])
    }
  }
}

extension DecodedLesson {
  /// A file that could not be decoded at all, with one problem at its start.
  static func failed(file: String, _ message: String) -> DecodedLesson {
    DecodedLesson(
      file: file, lesson: nil,
      diagnostics: [Diagnostic(file: file, line: 1, column: 1, message: message)],
      id: nil, order: nil, questionIDs: [])
  }
}
