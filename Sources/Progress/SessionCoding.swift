import Foundation

/// The JSON form of a session, configured in one place: what nelm writes and what it accepts.
///
/// Dates are ISO-8601 UTC strings with milliseconds (`2024-03-01T09:30:00.250Z`); keys are
/// sorted and indented so the file diffs well; the file ends with a newline.
public enum SessionCoding {
  /// Turns a session into the bytes of its file; `path` names the file in an error (the
  /// learner's name with `.json` when not given).
  public static func encode(_ session: Session, path: String? = nil) throws(ProgressError)
    -> Data
  {
    do {
      // The items written directly when they can be, with the same bytes (SessionItemsWriter).
      var bytes =
        try SessionItemsWriter.write(session, encode: encoder.encode)
        ?? encoder.encode(session)
      // A final newline, as text files have, so `cat` and diffs show the file cleanly.
      bytes.append(UInt8(ascii: "\n"))
      return bytes
    } catch {
      // Only a date outside the years 1900–9999 gets here: a bug, but not worth a crash.
      // The error is not interpolated: describing a NaN Date traps in Foundation.
      var reason = "cannot encode the session"
      if case EncodingError.invalidValue(_, let context) = error {
        reason += ": " + context.debugDescription
      }
      throw .writeFailed(path: path ?? "\(session.learner).json", reason: reason)
    }
  }

  /// The bytes `JSONEncoder` alone writes for `session`, newline included: what `encode`
  /// writes faster and must equal (a test holds them equal).
  static func encodeWithEncoder(_ session: Session) throws -> Data {
    try encoder.encode(session) + Data("\n".utf8)
  }

  /// Reads a session file's bytes, checking its version and that it belongs to `learner`.
  /// A file of an earlier version is migrated (see `decodeMigrating`); its answers are lost
  /// here, so the store uses `decodeMigrating` instead.
  ///
  /// `path` is only used in error messages.
  public static func decode(
    _ data: Data, path: String, learner: LearnerName
  ) throws(ProgressError) -> Session {
    try decodeMigrating(data, path: path, learner: learner).session
  }

  /// A session file read: the session, the answers an earlier version held, and which counts
  /// were held to `Session.countCeiling`.
  typealias Decoded = (session: Session, legacyAnswers: [Answer]?, warnings: [String])

  /// Reads a session file of any version nelm knows. For an earlier version, also returns
  /// the answers the file held, which belong in the answer log now; `warnings` says which
  /// counts were held to `Session.countCeiling`.
  static func decodeMigrating(
    _ data: Data, path: String, learner: LearnerName
  ) throws(ProgressError) -> Decoded {
    if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw .corrupt(path: path, detail: "the file is empty")
    }
    var session: Session
    let legacyAnswers: [Answer]?
    if let fast = decodeFast(data) {
      (session, legacyAnswers) = (fast, nil)
    } else {
      (session, legacyAnswers) = try decodeChecked(data, path: path)
    }
    guard session.learner == learner.value else {
      throw .corrupt(
        path: path,
        detail: "it belongs to learner '\(ProgressError.printable(session.learner))', "
          + "not '\(learner)' as its file name says")
    }
    if let problem = firstNegativeCount(in: session) {
      throw .corrupt(path: path, detail: problem)
    }
    let warnings = session.holdCountsToCeiling().map { "\(path): \($0)" }
    return (session, legacyAnswers, warnings)
  }

  /// A file of today's format with nothing odd in it, read with its items apart
  /// (`SessionItemsReader`) and the rest by the decoder; nil for anything else, which
  /// `decodeChecked` then reads and names the problem of.
  private static func decodeFast(_ data: Data) -> Session? {
    guard let split = SessionItemsReader.read(data) else { return nil }
    let inspection = JSONInspection.inspect(split.rest, as: .session)
    guard inspection.problem == nil,
      var session = try? decoder(keepingUnknownKeys: inspection.hasUnknownKeys)
        .decode(Session.self, from: split.rest),
      session.schemaVersion == Session.currentSchemaVersion
    else { return nil }
    session.items = split.items
    return session
  }

  /// Reads a session file of any version with the decoder, checking its version and its
  /// values first, and says what is wrong with one that cannot be read.
  private static func decodeChecked(_ data: Data, path: String) throws(ProgressError)
    -> (Session, [Answer]?)
  {
    // Look at the version first: a newer file may not match today's model at all, and the
    // useful message then is "upgrade", not "missing key".
    let header: Header
    do {
      header = try decoder.decode(Header.self, from: data)
    } catch {
      throw .corrupt(
        path: path,
        detail: JSONInspection.firstProblem(in: data) ?? DecodingDetail.describe(error, in: data))
    }
    guard let version = header.schemaVersion else {
      throw .corrupt(path: path, detail: "missing key 'schemaVersion' at the top level")
    }
    guard version <= Session.currentSchemaVersion else {
      throw .newerFormat(path: path, version: version)
    }
    guard version >= 1 else {
      throw .corrupt(path: path, detail: "schemaVersion \(version) is not a valid version")
    }
    // Keys written twice, or numbers out of range, mean different things to different tools.
    let inspection = JSONInspection.inspect(data, as: .session)
    if let problem = inspection.problem {
      throw .corrupt(path: path, detail: problem)
    }
    let decoder = decoder(keepingUnknownKeys: inspection.hasUnknownKeys)
    let session: Session
    var legacyAnswers: [Answer]?
    do {
      if version == 1 {
        let old = try decoder.decode(SessionMigration.Version1.self, from: data)
        if let problem = problem(in: old.answers.enumerated().map { ("answers[\($0)]", $1) }) {
          throw SessionProblem(detail: problem)
        }
        (session, legacyAnswers) = SessionMigration.migrate(old)
      } else {
        session = try decoder.decode(Session.self, from: data)
      }
    } catch let problem as SessionProblem {
      throw .corrupt(path: path, detail: problem.detail)
    } catch {
      throw .corrupt(path: path, detail: DecodingDetail.describe(error, in: data))
    }
    return (session, legacyAnswers)
  }

  /// A problem met inside the decoder's `do`, carried out of it.
  private struct SessionProblem: Error {
    var detail: String
  }

  /// The first answer nelm cannot have written, with where it is.
  static func problem(in answers: [(String, Answer)]) -> String? {
    for (place, answer) in answers {
      if let problem = answer.problem { return "\(place).\(problem)" }
    }
    return nil
  }

  /// Counts and positions are never negative; a file that says otherwise was edited badly.
  private static func firstNegativeCount(in session: Session) -> String? {
    for (id, lesson) in session.lessons.sorted(by: { $0.key < $1.key }) where lesson.position < 0 {
      return "lessons.\(id).position is \(lesson.position); it cannot be negative"
    }
    for (id, progress) in session.cases.sorted(by: { $0.key < $1.key })
    where progress.position < 0 {
      return "cases.\(id).position is \(progress.position); it cannot be negative"
    }
    if session.answerCount < 0 || session.logBytes < 0 {
      return "answerCount and logBytes cannot be negative"
    }
    // Most files have no such item: look for one before paying for the places in order.
    let anyBadItem = session.items.values.contains { record in
      record.attempts < 0 || record.correctCount < 0 || record.last?.problem != nil
    }
    guard anyBadItem else { return nil }
    for (id, record) in session.items.sorted(by: { $0.key < $1.key }) {
      if record.attempts < 0 || record.correctCount < 0 {
        return "items.\(id): attempts and correctCount cannot be negative"
      }
    }
    let lasts = session.items.sorted { $0.key < $1.key }.compactMap { key, record in
      record.last.map { ("items.\(key).last", $0) }
    }
    return problem(in: lasts)
  }

  /// What is read before the whole file, to give a clear message on a version mismatch.
  private struct Header: Decodable {
    var schemaVersion: Int?
  }

  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      guard let text = string(from: date) else {
        let place = DecodingDetail.keyPath(encoder.codingPath)
        throw EncodingError.invalidValue(
          date.timeIntervalSince1970,
          .init(
            codingPath: encoder.codingPath,
            debugDescription: "\(place) is not a date nelm can write"))
      }
      try container.encode(text)
    }
    return encoder
  }()

  /// The decoder of session files and log lines: dates are read strictly.
  static let decoder = makeDecoder()

  /// The same, for a document `JSONInspection` found no unknown key in: records do not look
  /// for any.
  private static let decoderWithoutUnknownKeys: JSONDecoder = {
    let decoder = makeDecoder()
    decoder.userInfo[.documentHasUnknownKeys] = false
    return decoder
  }()

  /// `decoder`, or the one that does not look for unknown keys.
  static func decoder(keepingUnknownKeys: Bool) -> JSONDecoder {
    keepingUnknownKeys ? decoder : decoderWithoutUnknownKeys
  }

  private static func makeDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = date(from: text) else {
        throw DecodingError.dataCorruptedError(
          in: container,
          debugDescription: "'\(ProgressError.printable(text))' is not a valid ISO-8601 date "
            + "and time in UTC, years 1900–9999 (e.g. 2024-03-01T09:41:07.250Z)")
      }
      return date
    }
    return decoder
  }

  /// Formats `date` rounded to the nearest millisecond, e.g. `2024-03-01T09:30:00.250Z`;
  /// nil for dates outside the years 1900–9999 (`Timestamp.string(from:)`).
  public static func string(from date: Date) -> String? {
    Timestamp.string(from: date)
  }

  /// Parses a date as files hold it, with or without milliseconds, rounded to the
  /// millisecond; nil for impossible dates (February 30th, hour 25) and years outside
  /// 1900–9999 (`Timestamp.date(from:)`): a file holding one would open, and then every save
  /// of it would fail.
  public static func date(from text: String) -> Date? {
    Timestamp.date(from: text)
  }
}

extension Date {
  /// This date rounded to the nearest millisecond: what survives a trip through a session file.
  public var roundedToMilliseconds: Date {
    Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded() / 1000)
  }
}
