import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The append-only log of every answer, `<learner>.answers.jsonl` beside the session file:
/// one JSON object a line, oldest first, never rewritten.
///
/// Appending and flushing one line costs the same however long the log is, which is why
/// answers live here rather than in the session file. Every line is read as strictly as the
/// session file (`Answer.problem`, strict dates, no key written twice), so an answer the log
/// accepts can always be saved in the session file.
public enum AnswerLog {
  /// The longest line nelm reads: an answer nelm writes is a few hundred bytes.
  public static let longestLine = 65_536

  /// The log that belongs to a session file.
  public static func url(forSessionFile file: URL) -> URL {
    let name = file.deletingPathExtension().lastPathComponent
    return file.deletingLastPathComponent().appendingPathComponent("\(name).answers.jsonl")
  }

  /// The answers as log lines.
  static func lines(_ answers: [Answer]) throws(ProgressError) -> Data {
    try lines(answers.map { LoggedAnswer($0) })
  }

  /// The lines as the log writes them: one JSON object each, keys sorted, dates rounded.
  static func lines(_ lines: [LoggedAnswer]) throws(ProgressError) -> Data {
    var data = Data()
    for line in lines {
      do {
        data += try encoder.encode(line.roundedToMilliseconds) + Data("\n".utf8)
      } catch {
        throw .writeFailed(path: line.answer.item.rawValue, reason: "cannot encode the answer")
      }
    }
    return data
  }

  /// Appends `answers` and flushes them to disk; returns the log's new size in bytes.
  /// Nothing is acknowledged before `fsync` returns.
  ///
  /// With `expectedSize`, a log of any other size (changed behind this nelm's back) is left
  /// alone and reported: appending to it would count its foreign lines as this session's.
  @discardableResult
  static func append(_ answers: [Answer], to url: URL, expectedSize: Int? = nil)
    throws(ProgressError) -> Int
  {
    try append(answers.map { LoggedAnswer($0) }, to: url, expectedSize: expectedSize)
  }

  /// Appends `lines` (answers with their effects) and flushes them, as `append(_:to:)` does.
  @discardableResult
  static func append(_ lines: [LoggedAnswer], to url: URL, expectedSize: Int? = nil)
    throws(ProgressError) -> Int
  {
    let bytes = try self.lines(lines)
    if bytes.isEmpty, let expectedSize { return expectedSize }
    let created = !FileManager.default.fileExists(atPath: url.path)
    guard let fd = try StateFile.open(url.path, O_WRONLY | O_APPEND | O_CREAT, writable: true)
    else { throw .writeFailed(path: url.path, reason: "it could not be created") }
    defer { close(fd) }
    let end = lseek(fd, 0, SEEK_END)
    if let expectedSize, end >= 0, Int(end) != expectedSize {
      throw .corruptLog(
        path: url.path, line: nil,
        detail: "it changed while this nelm was running (\(end) bytes, where this nelm wrote "
          + "\(expectedSize)); nothing was added to it. Quit and start nelm again")
    }
    // A full disk can take part of the bytes before failing: cut them off again, or the half
    // line would sit between whole answers once a later append succeeds, and the log would no
    // longer read.
    if let failure = bytes.withUnsafeBytes({ POSIX.writeAll(fd, $0) }) {
      if end >= 0 { _ = POSIX.retryingEINTR { ftruncate(fd, end) } }
      throw .writeFailed(path: url.path, reason: POSIX.text(failure))
    }
    if POSIX.retryingEINTR({ fsync(fd) }) != 0 {
      let failure = errno
      if end >= 0 { _ = POSIX.retryingEINTR { ftruncate(fd, end) } }
      throw .writeFailed(path: url.path, reason: POSIX.text(failure))
    }
    if created { DurableFile.syncDirectory(of: url) }
    return end >= 0 ? Int(end) + bytes.count : size(of: url)
  }

  /// The log's size in bytes (0 when there is none).
  static func size(of url: URL) -> Int {
    var info = stat()
    return lstat(url.path, &info) == 0 ? Int(info.st_size) : 0
  }

  /// Every answer in the log, oldest first. A line that does not parse is reported with its
  /// number; a log that is not a regular file is refused.
  public static func read(_ url: URL) throws(ProgressError) -> [Answer] {
    try readLines(url).map(\.answer)
  }

  /// Every line of the log, oldest first, with what each answer changed.
  public static func readLines(_ url: URL) throws(ProgressError) -> [LoggedAnswer] {
    guard let fd = try StateFile.open(url.path, O_RDONLY, writable: false) else { return [] }
    defer { close(fd) }
    var answers: [LoggedAnswer] = []
    var pending: [UInt8] = []
    var lineNumber = 1
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { POSIX.readSome(fd, $0) }
      if count < 0 { throw .unreadable(path: url.path, reason: POSIX.text()) }
      if count == 0 { break }
      pending += chunk[0..<count]
      guard let last = pending.lastIndex(of: UInt8(ascii: "\n")) else {
        if pending.count > longestLine { throw tooLong(url, line: lineNumber) }
        continue
      }
      let complete = Data(pending[...last])
      pending.removeSubrange(...last)
      answers += try self.answers(in: complete, path: url.path, firstLine: lineNumber)
      lineNumber += complete.count(where: { $0 == UInt8(ascii: "\n") })
      if pending.count > longestLine { throw tooLong(url, line: lineNumber) }
    }
    // A torn last line (a crash mid-append) was never acknowledged: it is not an answer.
    return answers
  }

  private static func tooLong(_ url: URL, line: Int) -> ProgressError {
    .corruptLog(path: url.path, line: line, detail: "it is longer than \(longestLine) bytes")
  }

  /// The answers in `data`, complete lines only, each checked as strictly as the session
  /// file checks its answers. `firstLine` is the number of the first line in the log, for
  /// messages.
  static func answers(in data: Data, path: String, firstLine: Int) throws(ProgressError)
    -> [LoggedAnswer]
  {
    var answers: [LoggedAnswer] = []
    var lineNumber = firstLine
    for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      defer { lineNumber += 1 }
      if line.isEmpty { continue }
      answers.append(try answer(in: Data(line), path: path, line: lineNumber))
    }
    return answers
  }

  /// One line's answer, or `.corruptLog` saying what is wrong with it.
  static func answer(in line: Data, path: String, line number: Int) throws(ProgressError)
    -> LoggedAnswer
  {
    if line.count > longestLine {
      throw .corruptLog(path: path, line: number, detail: "it is longer than \(longestLine) bytes")
    }
    // Most lines are read without the decoder; a line the fast reader does not take, or whose
    // answer has a problem, goes the long way, which says what is wrong.
    if let quick = line.withUnsafeBytes({ LogLineReader.read($0.bindMemory(to: UInt8.self)) }),
      quick.answer.problem == nil
    {
      return quick
    }
    return try decodedAnswer(in: line, path: path, line: number)
  }

  /// One line's answer read by the decoder, as every line was before `LogLineReader`.
  static func decodedAnswer(in line: Data, path: String, line number: Int) throws(ProgressError)
    -> LoggedAnswer
  {
    let inspection = JSONInspection.inspect(line, as: .answer)
    let answer: LoggedAnswer
    do {
      answer = try SessionCoding.decoder(keepingUnknownKeys: inspection.hasUnknownKeys)
        .decode(LoggedAnswer.self, from: line)
    } catch {
      let detail = inspection.problem ?? DecodingDetail.describe(error, in: line)
      throw .corruptLog(path: path, line: number, detail: "not a valid answer: \(detail)")
    }
    if let problem = inspection.problem ?? answer.answer.problem {
      throw .corruptLog(path: path, line: number, detail: problem)
    }
    return answer
  }

  private static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(SessionCoding.string(from: date) ?? "1900-01-01T00:00:00.000Z")
    }
    return encoder
  }()
}
