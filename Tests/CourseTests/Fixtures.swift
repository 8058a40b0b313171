import Foundation

/// Paths into `Tests/CourseTests/Fixtures`, as copied into the test bundle.
enum Fixtures {
  /// The fixtures folder; a test that cannot find it fails on the missing files it names.
  static let root: String =
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? "Fixtures"

  /// A folder of fixtures: `valid`, `broken` or `duplicates`.
  static func folder(_ name: String) -> String { root + "/" + name }

  /// One fixture file, named as the loader names it (`DIR/name.yaml`).
  static func file(_ folder: String, _ name: String) -> String {
    self.folder(folder) + "/" + name
  }
}
