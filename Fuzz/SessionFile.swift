import Foundation

@testable import Progress

/// libFuzzer target `session-file`: the bytes of `<learner>.json`, any version. A session
/// that decodes must encode, and its encoding must decode to the same bytes again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSessionFile(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(UnsafeBufferPointer(start: start, count: count))
  guard let learner = try? LearnerName("ana") else { fatalError("the learner name") }
  let decoded: Session
  do {
    decoded = try SessionCoding.decodeMigrating(data, path: "ana.json", learner: learner).session
  } catch {
    _ = error.message
    return 0
  }
  do {
    let encoded = try SessionCoding.encode(decoded.roundedToMilliseconds)
    let again = try SessionCoding.decode(encoded, path: "ana.json", learner: learner)
    guard try SessionCoding.encode(again.roundedToMilliseconds) == encoded else {
      fatalError("encoding is not stable: \(String(decoding: encoded, as: UTF8.self))")
    }
  } catch {
    fatalError("a decoded session does not round-trip: \(error.message)")
  }
  return 0
}
