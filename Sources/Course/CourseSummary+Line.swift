/// The summary as one line of the course cache, read before every first prompt.
///
/// `JSONDecoder` took about 1 ms for the summary's 28 KB at each start-up, most of it the
/// decoder's first-use lookups of generic types (BENCHMARKS.md, Start-up); this line is split
/// on two control characters instead. Records are separated by RS (0x1E), their fields by US
/// (0x1F): `L id title pages questions`, `C id title steps`, `I item`. A summary whose text
/// holds either character or a newline is not written this way (`line` is nil), and a line
/// that does not read back whole gives nil: the greeting then waits for the course.
extension CourseSummary {
  private static let record = UInt8(0x1E)
  private static let field = UInt8(0x1F)

  /// The line, without its newline; nil when a title or id holds RS, US or a newline.
  public var line: [UInt8]? {
    var bytes: [UInt8] = []
    func record(_ fields: String...) -> Bool {
      if !bytes.isEmpty { bytes.append(Self.record) }
      for (position, text) in fields.enumerated() {
        if position > 0 { bytes.append(Self.field) }
        let start = bytes.count
        bytes += text.utf8
        if bytes[start...].contains(where: { $0 == Self.record || $0 == Self.field || $0 == 0x0A })
        {
          return false
        }
      }
      return true
    }
    for lesson in lessons {
      guard
        record(
          "L", lesson.id, lesson.title, String(lesson.pageCount), String(lesson.questionCount))
      else { return nil }
    }
    for entry in cases {
      guard record("C", entry.id, entry.title, String(entry.stepCount)) else { return nil }
    }
    for item in items.sorted() {
      guard record("I", item) else { return nil }
    }
    return bytes
  }

  /// The summary `line` holds; nil unless every record reads whole.
  public init?(line: some Collection<UInt8>) {
    let read =
      line.withContiguousStorageIfAvailable(Self.read)
      ?? Array(line).withUnsafeBufferPointer(Self.read)
    guard let summary = read else { return nil }
    self = summary
  }

  private init(lessons: [LessonEntry], cases: [CaseEntry], items: Set<String>) {
    self.lessons = lessons
    self.cases = cases
    self.items = items
  }

  /// One pass over the bytes, each field made a `String` straight from them (splitting into
  /// slices first took longer than the rest of the cache's reading).
  private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> CourseSummary? {
    var summary = CourseSummary(lessons: [], cases: [], items: [])
    guard !bytes.isEmpty else { return summary }
    var fields: [String] = []
    fields.reserveCapacity(5)
    var start = 0
    for index in 0...bytes.count {
      let end = index == bytes.count
      guard end || bytes[index] == record || bytes[index] == field else { continue }
      let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
      // ASCII is UTF-8 as it stands; `String(validating:)` is generic and slow on short text.
      guard
        let text = slice.allSatisfy({ $0 < 0x80 })
          ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
      else { return nil }
      fields.append(text)
      start = index + 1
      guard end || bytes[index] == record else { continue }
      guard summary.add(fields) else { return nil }
      fields.removeAll(keepingCapacity: true)
    }
    return summary
  }

  /// Adds one record's fields; false when they are not a record.
  private mutating func add(_ fields: [String]) -> Bool {
    switch (fields.first, fields.count) {
    case ("L", 5):
      guard let pages = Int(fields[3]), let questions = Int(fields[4]) else { return false }
      lessons.append(
        LessonEntry(id: fields[1], title: fields[2], pageCount: pages, questionCount: questions))
    case ("C", 4):
      guard let steps = Int(fields[3]) else { return false }
      cases.append(CaseEntry(id: fields[1], title: fields[2], stepCount: steps))
    case ("I", 2):
      items.insert(fields[1])
    default:
      return false
    }
    return true
  }
}
