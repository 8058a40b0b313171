import Foundation

/// A learner's name: any display name ("José", "Sam Resident"), and the safe file name
/// derived from it.
///
/// Allowed: 1–64 characters, not all spaces, without control characters or the
/// bidirectional overrides that would reorder what a terminal shows. The files are named by
/// `fileStem`: a name of ASCII letters, digits, `-`, `_` and `.` not starting with `.` is its
/// own stem (so the files of every earlier nelm are found by their old names); any other
/// name is spelled in ASCII (accents dropped, spaces as `-`) and followed by a short
/// checksum of the whole name, so that "José" and "Jose" keep separate files.
public struct LearnerName: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The name as the learner wrote it, as it appears in the session file and on screen.
  public let value: String

  /// The longest name allowed, in characters.
  public static let maximumLength = 64

  /// Checks `raw` and keeps it unchanged; throws `.invalidLearnerName` when it is not allowed.
  public init(_ raw: String) throws(ProgressError) {
    guard Self.isDisplayable(raw) else { throw .invalidLearnerName(raw) }
    value = raw
  }

  /// The name of the learner's files (without `.json`, `.lock`…): safe on every file system.
  public var fileStem: String {
    if Self.isAllowed(value) { return value }
    let folded = value.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    var ascii = ""
    for scalar in folded.unicodeScalars {
      switch scalar {
      case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": ascii.unicodeScalars.append(scalar)
      case " " where !ascii.hasSuffix("-"): ascii += "-"
      default: continue
      }
    }
    let base = String(ascii.drop { $0 == "." || $0 == "-" }.prefix(40))
    return (base.isEmpty ? "learner" : base) + "-" + Self.checksum(value)
  }

  /// FNV-1a of the name's UTF-8, 8 hex digits: the same on every run (unlike `hashValue`).
  private static func checksum(_ text: String) -> String {
    var hash: UInt32 = 0x811C_9DC5
    for byte in text.utf8 {
      hash ^= UInt32(byte)
      hash = hash &* 0x0100_0193
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }

  /// A name a terminal shows as written: 1–64 characters, not only spaces, no controls or
  /// bidirectional overrides and isolates.
  private static func isDisplayable(_ raw: String) -> Bool {
    guard (1...maximumLength).contains(raw.count),
      !raw.trimmingCharacters(in: .whitespaces).isEmpty
    else { return false }
    return raw.unicodeScalars.allSatisfy { scalar in
      switch scalar.value {
      case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: false
      default: true
      }
    }
  }

  /// The name itself.
  public var description: String { value }

  /// Orders names by their text, as `learners()` lists them.
  public static func < (lhs: LearnerName, rhs: LearnerName) -> Bool {
    lhs.value < rhs.value
  }

  /// The names earlier nelms allowed, which are their own file names.
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
