import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Brings the answer log and the session file back in step after a crash.
///
/// A crash can leave two things: half a line at the end of the log (an answer that was never
/// acknowledged, since acknowledgement waits for `fsync`), and whole answers past the size the
/// session file remembers (logged, but the session file was not saved after them).
enum AnswerLogRepair {
  /// Moves a torn last line aside (`.torn-<stamp>`, never deleted) and cuts it off the log.
  static func cutTornTail(of log: URL, now: Date) throws(ProgressError) {
    let size = AnswerLog.size(of: log)
    guard size > 0, let tail = try readTail(of: log, from: max(0, size - 65_536), to: size),
      tail.last != UInt8(ascii: "\n")
    else { return }
    let keep: Int
    if let newline = tail.lastIndex(of: UInt8(ascii: "\n")) {
      keep = size - tail.count + newline + 1
    } else if size <= tail.count {
      keep = 0
    } else {
      // A "line" longer than 64 KiB is not an answer nelm wrote; leave the file alone.
      throw .corrupt(path: log.path, detail: "its last line is incomplete and too long to repair")
    }
    guard let torn = try readTail(of: log, from: keep, to: size) else { return }
    let stamp = Int(now.timeIntervalSince1970)
    let aside = log.deletingLastPathComponent()
      .appendingPathComponent(log.lastPathComponent + ".torn-\(stamp)")
    try DurableFile.write(Data(torn), to: aside)
    if POSIX.retryingEINTR({ truncate(log.path, off_t(keep)) }) != 0 {
      throw .writeFailed(path: log.path, reason: POSIX.text())
    }
  }

  /// Counts the answers logged after the session file was last saved.
  static func recount(_ session: inout Session, log: URL) throws(ProgressError) {
    let size = AnswerLog.size(of: log)
    guard size > session.logBytes,
      let extra = try readTail(of: log, from: session.logBytes, to: size)
    else { return }
    let answers = try AnswerLog.answers(in: Data(extra), path: log.path, firstLine: 1)
    for answer in answers { session.record(answer) }
    session.logBytes = size
  }

  private static func readTail(of url: URL, from start: Int, to end: Int) throws(ProgressError)
    -> [UInt8]?
  {
    guard end > start else { return nil }
    let fd = POSIX.openFile(url.path, O_RDONLY)
    guard fd >= 0 else { throw .unreadable(path: url.path, reason: POSIX.text()) }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: end - start)
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeMutableBytes { buffer in
        POSIX.retryingEINTR {
          pread(
            fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset, off_t(start + offset)
          )
        }
      }
      if count < 0 { throw .unreadable(path: url.path, reason: POSIX.text()) }
      if count == 0 { break }
      offset += count
    }
    return Array(bytes[0..<offset])
  }
}
