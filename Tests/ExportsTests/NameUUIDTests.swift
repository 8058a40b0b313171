import Foundation
import Testing

@testable import Exports

@Suite("SHA-1 and name-based UUIDs")
struct NameUUIDTests {
  /// The test vectors of FIPS 180-2, appendix A, and the empty message.
  @Test(arguments: [
    ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
    ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
    ),
  ])
  func sha1(message: String, hex: String) {
    let digest = SHA1.digest(Array(message.utf8))
    #expect(digest.map { String(format: "%02x", $0) }.joined() == hex)
  }

  @Test func sha1OfAMillionAs() {
    let digest = SHA1.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
    #expect(
      digest.map { String(format: "%02x", $0) }.joined()
        == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
  }

  /// RFC 9562 appendix A.4: `www.example.com` in the DNS namespace.
  @Test func version5FromTheRFC() throws {
    let dns = try #require(UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8"))
    #expect(
      NameUUID.make(namespace: dns, name: "www.example.com").uuidString.lowercased()
        == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
  }

  @Test func theSameNameGivesTheSameUUID() {
    let first = NameUUID.make(namespace: NameUUID.urlNamespace, name: "ana")
    #expect(first == NameUUID.make(namespace: NameUUID.urlNamespace, name: "ana"))
    #expect(first != NameUUID.make(namespace: NameUUID.urlNamespace, name: "bob"))
  }
}
