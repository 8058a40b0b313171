import Foundation

/// The version of a course as its files' content: a SHA-1 over every lesson, glossary and
/// case file (`*.yaml`, `*.yml`, and those of `cases/`), by name relative to the course
/// folder, so the same course gives the same version wherever it is installed, and any edit
/// gives another.
public enum CourseVersion {
  /// The 40 hex digits of the course in `directory`, or nil when a file cannot be read.
  public static func of(directory: String) -> String? {
    var message: [UInt8] = []
    for folder in ["", "cases/"] {
      let path = (directory.hasSuffix("/") ? directory : directory + "/") + folder
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
        if folder.isEmpty { return nil }
        continue
      }
      let files = names.filter {
        !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml"))
      }
      for name in files.sorted() {
        guard let bytes = FileManager.default.contents(atPath: path + name) else { return nil }
        // Name and length first, so no two sets of files give the same message.
        message += Array("\(folder)\(name)\n\(bytes.count)\n".utf8) + Array(bytes)
      }
    }
    return hex(SHA1.digest(message))
  }

  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
  }
}
