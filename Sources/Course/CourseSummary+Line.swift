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
    var records: [[String]] = []
    for lesson in lessons {
      records.append(
        ["L", lesson.id, lesson.title, String(lesson.pageCount), String(lesson.questionCount)])
    }
    for entry in cases {
      records.append(["C", entry.id, entry.title, String(entry.stepCount)])
    }
    for item in items.sorted() { records.append(["I", item]) }
    var bytes: [UInt8] = []
    for (index, fields) in records.enumerated() {
      if index > 0 { bytes.append(Self.record) }
      for (position, text) in fields.enumerated() {
        if position > 0 { bytes.append(Self.field) }
        let utf8 = Array(text.utf8)
        if utf8.contains(where: { $0 == Self.record || $0 == Self.field || $0 == 0x0A }) {
          return nil
        }
        bytes += utf8
      }
    }
    return bytes
  }

  /// The summary `line` holds; nil unless every record reads whole.
  public init?(line: some Collection<UInt8>) {
    lessons = []
    cases = []
    items = []
    guard !line.isEmpty else { return }
    for record in line.split(separator: Self.record, omittingEmptySubsequences: false) {
      var fields: [String] = []
      for text in record.split(separator: Self.field, omittingEmptySubsequences: false) {
        guard let field = String(validating: text, as: UTF8.self) else { return nil }
        fields.append(field)
      }
      switch (fields.first, fields.count) {
      case ("L", 5):
        guard let pages = Int(fields[3]), let questions = Int(fields[4]) else { return nil }
        lessons.append(
          LessonEntry(id: fields[1], title: fields[2], pageCount: pages, questionCount: questions))
      case ("C", 4):
        guard let steps = Int(fields[3]) else { return nil }
        cases.append(CaseEntry(id: fields[1], title: fields[2], stepCount: steps))
      case ("I", 2):
        items.insert(fields[1])
      default:
        return nil
      }
    }
  }
}
