import Foundation

/// Name-based UUIDs (version 5, RFC 9562 §5.5): the same namespace and name always give the
/// same UUID, so a statement keeps its id from one export to the next.
enum NameUUID {
  /// The RFC's namespace for URLs, `6ba7b811-9dad-11d1-80b4-00c04fd430c8`.
  static let urlNamespace = UUID(
    uuid: (
      0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30,
      0xC8
    ))

  /// The version 5 UUID of `name` in `namespace`.
  static func make(namespace: UUID, name: String) -> UUID {
    let space = withUnsafeBytes(of: namespace.uuid) { Array($0) }
    var bytes = Array(SHA1.digest(space + Array(name.utf8)).prefix(16))
    bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
    bytes[8] = (bytes[8] & 0x3F) | 0x80  // the RFC's variant
    return UUID(
      uuid: (
        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
        bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
      ))
  }
}
