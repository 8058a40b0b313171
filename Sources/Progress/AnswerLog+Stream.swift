import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension AnswerLog {
  /// Calls `body` with every complete line of the log from byte `start` up to byte `end` (nil:
  /// the end of the log as it is now), oldest first, each with its offsets; returns the
  /// offset just past the last complete line read. Memory stays constant however long the log.
  ///
  /// Lines are checked as strictly as `read(_:)` checks them; a last line without its newline
  /// (being written, or torn) is not an answer yet and is left out. Takes no lock: safe while
  /// a shell appends. `body`'s errors end the walk and are thrown as they are.
  @discardableResult
  public static func forEachEntry(
    _ url: URL, from start: Int = 0, to end: Int? = nil, _ body: (Entry) throws -> Void
  ) throws -> Int {
    guard let fd = try StateFile.open(url.path, O_RDONLY, writable: false) else { return 0 }
    defer { close(fd) }
    let newline = UInt8(ascii: "\n")
    var position = start
    var lineNumber: Int? = start == 0 ? 1 : nil
    var pending: [UInt8] = []
    var pendingStart = start
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while end.map({ position < $0 }) ?? true {
      let wanted = min(chunk.count, end.map { $0 - position } ?? chunk.count)
      let count = chunk.withUnsafeMutableBytes { buffer in
        POSIX.retryingEINTR { pread(fd, buffer.baseAddress, wanted, off_t(position)) }
      }
      if count < 0 { throw ProgressError.unreadable(path: url.path, reason: POSIX.text()) }
      if count == 0 { break }
      position += count
      pending += chunk[0..<count]
      var lineStart = 0
      while let stop = pending[lineStart...].firstIndex(of: newline) {
        if stop > lineStart {
          let number = try lineNumber ?? countLines(fd, before: pendingStart + lineStart, url)
          let logged = try answer(in: Data(pending[lineStart..<stop]), path: url.path, line: number)
          try body(
            Entry(
              answer: logged.answer, start: pendingStart + lineStart, end: pendingStart + stop + 1,
              effects: logged.effects))
        }
        lineNumber = lineNumber.map { $0 + 1 }
        lineStart = stop + 1
      }
      pending.removeSubrange(..<lineStart)
      pendingStart += lineStart
      if pending.count > longestLine {
        let number = try lineNumber ?? countLines(fd, before: pendingStart, url)
        throw ProgressError.corruptLog(
          path: url.path, line: number, detail: "it is longer than \(longestLine) bytes")
      }
    }
    return pendingStart
  }

  /// The last `limit` complete lines of the log, oldest first, read backwards from its end:
  /// `history 10` costs the same with ten answers logged or a million.
  public static func lastEntries(_ url: URL, limit: Int) throws(ProgressError) -> [Entry] {
    guard limit > 0, let fd = try StateFile.open(url.path, O_RDONLY, writable: false) else {
      return []
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .unreadable(path: url.path, reason: POSIX.text()) }
    let newline = UInt8(ascii: "\n")
    // `carry` holds the bytes from `base` on not yet split into lines; it ends with a newline
    // once the torn tail, if any, is dropped.
    var carry: [UInt8] = []
    var base = Int(info.st_size)
    var droppedTail = false
    var found: [(start: Int, bytes: ArraySlice<UInt8>)] = []
    while found.count < limit && base > 0 {
      let size = min(base, 1 << 16)
      var chunk = [UInt8](repeating: 0, count: size)
      let count = chunk.withUnsafeMutableBytes { raw in
        POSIX.retryingEINTR { pread(fd, raw.baseAddress, size, off_t(base - size)) }
      }
      if count != size { throw .unreadable(path: url.path, reason: POSIX.text()) }
      base -= size
      carry = chunk + carry
      if !droppedTail {
        // A last line without its newline is being written, or torn: not an answer yet.
        guard let last = carry.lastIndex(of: newline) else { continue }
        carry.removeSubrange((last + 1)...)
        droppedTail = true
      }
      while found.count < limit, let end = carry.indices.last {
        if let previous = carry[..<end].lastIndex(of: newline) {
          if end > previous + 1 { found.append((base + previous + 1, carry[(previous + 1)..<end])) }
          carry.removeSubrange((previous + 1)...)
        } else if base == 0 {
          if end > 0 { found.append((0, carry[0..<end])) }
          carry = []
        } else {
          if carry.count > longestLine + 1 {
            throw .corruptLog(
              path: url.path, line: try countLines(fd, before: base, url),
              detail: "it is longer than \(longestLine) bytes")
          }
          break
        }
      }
    }
    var entries: [Entry] = []
    for (start, bytes) in found.reversed() {
      let logged: LoggedAnswer
      do {
        logged = try answer(in: Data(bytes), path: url.path, line: 0)
      } catch .corruptLog(let path, _, let detail) {
        throw .corruptLog(path: path, line: try countLines(fd, before: start, url), detail: detail)
      }
      entries.append(
        Entry(
          answer: logged.answer, start: start, end: start + bytes.count + 1,
          effects: logged.effects))
    }
    return entries
  }

  /// The number of the line that starts at byte `offset` (lines counted from 1): counted only
  /// when a message needs it.
  static func countLines(_ fd: Int32, before offset: Int, _ url: URL) throws(ProgressError)
    -> Int
  {
    var lines = 1
    var position = 0
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while position < offset {
      let wanted = min(chunk.count, offset - position)
      let count = chunk.withUnsafeMutableBytes { raw in
        POSIX.retryingEINTR { pread(fd, raw.baseAddress, wanted, off_t(position)) }
      }
      if count < 0 { throw .unreadable(path: url.path, reason: POSIX.text()) }
      if count == 0 { break }
      lines += chunk[0..<count].count(where: { $0 == UInt8(ascii: "\n") })
      position += count
    }
    return lines
  }
}
