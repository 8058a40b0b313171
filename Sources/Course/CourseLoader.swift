/// Loads the course from a folder of lesson files.
public enum CourseLoader {
  /// Every lesson in `directory`'s `*.yaml` and `*.yml` files, every case in its `cases/`
  /// folder and the entries of its `glossary.yaml`, checked as `nelm lint` checks them.
  ///
  /// - Throws: `.notADirectory` or `.unreadable` when the folder cannot be listed, and
  ///   `.invalid` with every problem of every file when any file breaks the lesson format.
  public static func load(from directory: String) throws(CourseError) -> Course {
    let scan = try CourseScanner.scan(directory: directory)
    guard scan.diagnostics.isEmpty else { throw .invalid(scan.diagnostics) }
    return Course(
      lessons: scan.lessons, cases: scan.cases, glossary: scan.glossary,
      references: scan.references)
  }
}
