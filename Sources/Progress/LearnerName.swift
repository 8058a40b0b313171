/// A learner's name, checked to be safe as a file name.
///
/// Allowed: 1–64 ASCII letters, digits, `-`, `_` and `.`, not starting with `.`. Keeping to
/// ASCII means the name is the same on every file system and cannot hide look-alike letters
/// or path separators; a leading dot would make the session file hidden.
public struct LearnerName: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The name exactly as it appears in file names and in the session file.
  public let value: String

  /// The longest name allowed, in characters.
  public static let maximumLength = 64

  /// Checks `raw` and keeps it unchanged; throws `.invalidLearnerName` when it is not allowed.
  public init(_ raw: String) throws(ProgressError) {
    guard Self.isAllowed(raw) else { throw .invalidLearnerName(raw) }
    value = raw
  }

  /// The name itself.
  public var description: String { value }

  /// Orders names by their text, as `learners()` lists them.
  public static func < (lhs: LearnerName, rhs: LearnerName) -> Bool {
    lhs.value < rhs.value
  }

  private static func isAllowed(_ raw: String) -> Bool {
    let scalars = raw.unicodeScalars
    guard (1...maximumLength).contains(scalars.count), scalars.first != "." else { return false }
    return scalars.allSatisfy { scalar in
      switch scalar {
      case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": return true
      default: return false
      }
    }
  }
}
