import Foundation

/// The JSON form of a session, configured in one place: what nelm writes and what it accepts.
///
/// Dates are ISO-8601 UTC strings with milliseconds (`2024-03-01T09:30:00.250Z`); keys are
/// sorted and indented so the file diffs well; the file ends with a newline.
public enum SessionCoding {
  /// Turns a session into the bytes of its file.
  public static func encode(_ session: Session) throws(ProgressError) -> Data {
    do {
      // A final newline, as text files have, so `cat` and diffs show the file cleanly.
      return try encoder.encode(session) + Data("\n".utf8)
    } catch {
      // Only a date outside the years 1900–9999 gets here: a bug, but not worth a crash.
      // The error is not interpolated: describing a NaN Date traps in Foundation.
      var reason = "cannot encode the session"
      if case EncodingError.invalidValue(_, let context) = error {
        reason += ": " + context.debugDescription
      }
      throw .writeFailed(path: "\(session.learner).json", reason: reason)
    }
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

  /// Reads a session file of any version nelm knows. For an earlier version, also returns
  /// the answers the file held, which belong in the answer log now.
  static func decodeMigrating(
    _ data: Data, path: String, learner: LearnerName
  ) throws(ProgressError) -> (session: Session, legacyAnswers: [Answer]?) {
    if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw .corrupt(path: path, detail: "the file is empty")
    }
    // Look at the version first: a newer file may not match today's model at all, and the
    // useful message then is "upgrade", not "missing key".
    let header: Header
    do {
      header = try decoder.decode(Header.self, from: data)
    } catch {
      throw .corrupt(path: path, detail: DecodingDetail.describe(error, in: data))
    }
    guard let version = header.schemaVersion else {
      throw .corrupt(path: path, detail: "missing key 'schemaVersion' at the top level")
    }
    guard version <= Session.currentSchemaVersion else {
      throw .corrupt(
        path: path,
        detail: "schemaVersion \(version) is newer than this nelm understands "
          + "(\(Session.currentSchemaVersion)); upgrade nelm to use this file")
    }
    guard version >= 1 else {
      throw .corrupt(path: path, detail: "schemaVersion \(version) is not a valid version")
    }
    let session: Session
    var legacyAnswers: [Answer]?
    do {
      if version == 1 {
        let old = try decoder.decode(SessionMigration.Version1.self, from: data)
        (session, legacyAnswers) = SessionMigration.migrate(old)
      } else {
        session = try decoder.decode(Session.self, from: data)
      }
    } catch {
      throw .corrupt(path: path, detail: DecodingDetail.describe(error, in: data))
    }
    guard session.learner == learner.value else {
      throw .corrupt(
        path: path,
        detail: "it belongs to learner '\(ProgressError.printable(session.learner))', "
          + "not '\(learner)' as its file name says")
    }
    if let problem = firstNegativeCount(in: session, legacyAnswers ?? []) {
      throw .corrupt(path: path, detail: problem)
    }
    return (session, legacyAnswers)
  }

  /// Counts and positions are never negative; a file that says otherwise was edited badly.
  private static func firstNegativeCount(in session: Session, _ answers: [Answer]) -> String? {
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
    let lasts = session.items.sorted { $0.key < $1.key }.compactMap { key, record in
      record.last.map { ("items.\(key).last", $0) }
    }
    for (place, answer) in answers.enumerated().map({ ("answers[\($0.offset)]", $0.element) })
      + lasts
    {
      if answer.durationMs < 0 {
        return "\(place).durationMs is \(answer.durationMs); it cannot be negative"
      }
      if answer.hintsUsed < 0 {
        return "\(place).hintsUsed is \(answer.hintsUsed); it cannot be negative"
      }
    }
    return nil
  }

  /// What is read before the whole file, to give a clear message on a version mismatch.
  private struct Header: Decodable {
    var schemaVersion: Int?
  }

  private static let dateStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
  private static let secondsStyle = Date.ISO8601FormatStyle()

  private static let encoder: JSONEncoder = {
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

  private static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = date(from: text) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "'\(text)' is not an ISO-8601 date and time")
      }
      return date
    }
    return decoder
  }()

  /// Formats `date` rounded to the nearest millisecond, e.g. `2024-03-01T09:30:00.250Z`.
  ///
  /// The milliseconds are written by hand because the format style truncates, and a date
  /// such as 0.918 s held as 0.91799999 would otherwise come back as 0.917. Nil for dates
  /// outside the years 1900–9999: four-digit years cannot hold later ones, and the format
  /// style strays from the Gregorian calendar for very early ones.
  public static func string(from date: Date) -> String? {
    let milliseconds1970 = (date.timeIntervalSince1970 * 1000).rounded()
    guard writableMilliseconds.contains(milliseconds1970) else { return nil }
    let total = Int64(milliseconds1970)
    let (seconds, milliseconds) = total.quotientAndRemainder(dividingBy: 1000)
    let whole = milliseconds < 0 ? seconds - 1 : seconds
    let fraction = milliseconds < 0 ? milliseconds + 1000 : milliseconds
    let stamp = Date(timeIntervalSince1970: Double(whole)).formatted(secondsStyle)
    let digits = String(fraction)
    let padded = String(repeating: "0", count: 3 - digits.count) + digits
    return stamp.dropLast() + "." + padded + "Z"
  }

  /// Parses an ISO-8601 date with or without milliseconds, returning it rounded to the
  /// millisecond so that it compares equal to the date that was written.
  /// Nil too for a date outside the years nelm writes: a file holding one would open, and
  /// then every save of it would fail.
  public static func date(from text: String) -> Date? {
    guard let parsed = try? dateStyle.parse(text),
      writableMilliseconds.contains((parsed.timeIntervalSince1970 * 1000).rounded())
    else { return nil }
    return parsed.roundedToMilliseconds
  }

  /// 1900-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z, in milliseconds since 1970.
  static let writableMilliseconds: ClosedRange<Double> = -2_208_988_800_000...253_402_300_799_999
}

extension Date {
  /// This date rounded to the nearest millisecond: what survives a trip through a session file.
  public var roundedToMilliseconds: Date {
    Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded() / 1000)
  }
}
