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
/// answers live here rather than in the session file.
public enum AnswerLog {
  /// The log that belongs to a session file.
  public static func url(forSessionFile file: URL) -> URL {
    let name = file.deletingPathExtension().lastPathComponent
    return file.deletingLastPathComponent().appendingPathComponent("\(name).answers.jsonl")
  }

  /// The answers as log lines.
  static func lines(_ answers: [Answer]) throws(ProgressError) -> Data {
    var data = Data()
    for answer in answers {
      do {
        data += try encoder.encode(answer.roundedToMilliseconds) + Data("\n".utf8)
      } catch {
        throw .writeFailed(path: answer.item, reason: "cannot encode the answer")
      }
    }
    return data
  }

  /// Appends `answers` and flushes them to disk; returns the log's new size in bytes.
  /// Nothing is acknowledged before `fsync` returns.
  @discardableResult
  static func append(_ answers: [Answer], to url: URL) throws(ProgressError) -> Int {
    let bytes = try lines(answers)
    let created = !FileManager.default.fileExists(atPath: url.path)
    let fd = POSIX.openFile(url.path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW, 0o600)
    guard fd >= 0 else { throw .writeFailed(path: url.path, reason: POSIX.text()) }
    defer { close(fd) }
    let end = lseek(fd, 0, SEEK_END)
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
    return size(of: url)
  }

  /// The log's size in bytes (0 when there is none).
  static func size(of url: URL) -> Int {
    var info = stat()
    return stat(url.path, &info) == 0 ? Int(info.st_size) : 0
  }

  /// Every answer in the log, oldest first. A line that does not parse is reported with its
  /// number.
  public static func read(_ url: URL) throws(ProgressError) -> [Answer] {
    guard let bytes = try POSIX.readFile(url.path) else { return [] }
    return try answers(in: Data(bytes), path: url.path, firstLine: 1)
  }

  /// The answers in `data`, complete lines only.
  static func answers(in data: Data, path: String, firstLine: Int) throws(ProgressError)
    -> [Answer]
  {
    var answers: [Answer] = []
    var lineNumber = firstLine
    for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      defer { lineNumber += 1 }
      if line.isEmpty { continue }
      do {
        answers.append(try decoder.decode(Answer.self, from: Data(line)))
      } catch {
        throw .corrupt(path: path, detail: "line \(lineNumber) is not a valid answer")
      }
    }
    return answers
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

  private static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = SessionCoding.date(from: text) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "'\(text)' is not an ISO-8601 date and time")
      }
      return date
    }
    return decoder
  }()
}
