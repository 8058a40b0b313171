import Foundation

/// A learner's session file read and decoded on a thread of its own, while the shell checks
/// the course, before it takes the session's lock.
///
/// Decoding the file is most of what a returning learner waits for before the first prompt,
/// and checking the course is most of the rest; with two cores they need not wait for each
/// other. The read takes no lock, so it is only a guess: `SessionStore.open` reads the file
/// again under the lock and uses this decoding only when the bytes are the same, byte for
/// byte. A file that changed, was missing, or did not decode is read the usual way, which
/// reports any problem.
public final class SessionPrefetch: @unchecked Sendable {
  /// What was read: the file's bytes and their decoding. Guarded by `condition`.
  private var read: (bytes: [UInt8], decoded: SessionCoding.Decoded)?
  private var finished = false
  private let condition = NSCondition()
  /// The learner whose file this is.
  let learner: LearnerName

  /// Starts reading `learner`'s file in `store` on a new thread.
  public init(_ learner: LearnerName, in store: SessionStore) {
    self.learner = learner
    let thread = Thread { [self] in
      let url = store.fileURL(for: learner)
      var read: (bytes: [UInt8], decoded: SessionCoding.Decoded)?
      if let bytes = try? store.readSessionFile(url, writable: false),
        let decoded = try? SessionCoding.decodeMigrating(
          Data(bytes), path: url.path, learner: learner)
      {
        read = (bytes, decoded)
      }
      condition.lock()
      self.read = read
      finished = true
      condition.broadcast()
      condition.unlock()
    }
    thread.stackSize = 4 << 20
    thread.start()
  }

  /// The decoding of `bytes`, when they are what the thread read; waits for it to finish.
  func decoded(of bytes: [UInt8]) -> SessionCoding.Decoded? {
    condition.lock()
    defer { condition.unlock() }
    while !finished { condition.wait() }
    guard let read, read.bytes.count == bytes.count else { return nil }
    // One `memcmp`: the arrays' own `==` compares 300 KB a byte at a time.
    let same = read.bytes.withUnsafeBytes { ahead in
      bytes.withUnsafeBytes { now in
        guard let ahead = ahead.baseAddress, let now = now.baseAddress else { return true }
        return memcmp(ahead, now, bytes.count) == 0
      }
    }
    return same ? read.decoded : nil
  }
}
