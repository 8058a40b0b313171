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
///
/// The log is looked at first and changed only once everything about it is known to be
/// sound (`inspect`, then `apply`): a log that cannot be used is never changed by an open.
/// It is opened once, without following links, and cut through that descriptor.
final class AnswerLogRepair {
  /// The log, open for reading and writing; -1 when there is none.
  private let fd: Int32
  private let url: URL
  /// The complete lines from where the inspection started, oldest first.
  private(set) var lines: [LoggedAnswer] = []
  /// Their answers.
  var answers: [Answer] { lines.map(\.answer) }
  /// The log's size without its torn tail: what the session file will count.
  private(set) var keep = 0
  /// The torn tail, if the last line is incomplete.
  private(set) var torn: [UInt8] = []

  /// Opens the log (a regular file its owner may write, or none) and reads it from byte
  /// `start` (the session file's `logBytes`; 0 to read it all), checking every complete line.
  /// Nothing is changed.
  init(log url: URL, from start: Int) throws(ProgressError) {
    self.url = url
    fd = try StateFile.open(url.path, O_RDWR, writable: true) ?? -1
    guard fd >= 0 else {
      if start > 0 { throw Self.shorter(url, size: 0, counted: start) }
      return
    }
    try read(from: start)
  }

  /// Moves a torn last line aside (`.torn-<seconds>`, or `-2`, `-3` … when that name is
  /// taken: never replaced, never deleted) and cuts it off the log.
  func apply(now: Date) throws(ProgressError) {
    guard fd >= 0, !torn.isEmpty else { return }
    let stamp = Int(now.timeIntervalSince1970)
    let base = url.lastPathComponent + ".torn-\(stamp)"
    _ = try DurableFile.create(
      torn, in: url.deletingLastPathComponent(),
      firstFreeOf: DurableFile.names(base, then: { "-\($0 + 1)" }))
    if POSIX.retryingEINTR({ ftruncate(fd, off_t(keep)) }) != 0
      || POSIX.retryingEINTR({ fsync(fd) }) != 0
    {
      throw .writeFailed(path: url.path, reason: POSIX.text())
    }
  }

  deinit {
    if fd >= 0 { close(fd) }
  }

  /// `session` with the lines past its `logBytes` applied, and the log's size recorded.
  func recount(_ session: Session) -> Session {
    var counted = session
    for line in lines { counted.apply(line) }
    counted.logBytes = keep
    return counted
  }

  private func read(from start: Int) throws(ProgressError) {
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .unreadable(path: url.path, reason: POSIX.text()) }
    let size = Int(info.st_size)
    guard size >= start else { throw Self.shorter(url, size: size, counted: start) }
    if start > 0, try bytes(from: start - 1, to: start) != [UInt8(ascii: "\n")] {
      throw .corruptLog(
        path: url.path, line: nil,
        detail: "the session file counts its first \(start) bytes, which do not end a line; "
          + "the log or the session file was changed by hand")
    }
    let tail = try bytes(from: start, to: size)
    let complete: Int
    if let newline = tail.lastIndex(of: UInt8(ascii: "\n")) {
      complete = newline + 1
    } else {
      complete = 0
    }
    torn = Array(tail[complete...])
    keep = start + complete
    if torn.count > AnswerLog.longestLine {
      throw .corruptLog(
        path: url.path, line: try lineNumber(at: keep),
        detail: "the last line is incomplete and longer than \(AnswerLog.longestLine) bytes, "
          + "so it is not an answer nelm was writing; nelm leaves it as it is")
    }
    do throws(ProgressError) {
      lines = try AnswerLog.answers(in: Data(tail[..<complete]), path: url.path, firstLine: 1)
    } catch .corruptLog(let path, let line?, let detail) {
      // Count the lines before `start` only now: a sound log never pays for it.
      throw .corruptLog(path: path, line: try lineNumber(at: start) + line - 1, detail: detail)
    }
  }

  /// The number of the line that starts at byte `offset`.
  private func lineNumber(at offset: Int) throws(ProgressError) -> Int {
    var lines = 1
    var position = 0
    while position < offset {
      let chunk = try bytes(from: position, to: min(offset, position + (1 << 20)))
      lines += chunk.count(where: { $0 == UInt8(ascii: "\n") })
      position += max(chunk.count, 1)
    }
    return lines
  }

  private static func shorter(_ url: URL, size: Int, counted: Int) -> ProgressError {
    .corruptLog(
      path: url.path, line: nil,
      detail: "it holds \(size) bytes, fewer than the \(counted) the session file has counted: "
        + "answers were removed from it")
  }

  private func bytes(from start: Int, to end: Int) throws(ProgressError) -> [UInt8] {
    guard end > start else { return [] }
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
