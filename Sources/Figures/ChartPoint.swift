/// One value of a chart: a label, a number, and how to print the number.
public struct ChartPoint: Sendable, Equatable {
  /// What the value is of: a day ("12-01"), a topic ("grading").
  public var label: String
  /// The value; negative and non-finite values are drawn as zero.
  public var value: Double
  /// The value as printed ("75 %"); nil prints the number itself.
  public var display: String?
  /// A short note after the value ("9/12"), or nil.
  public var note: String?

  /// Creates a point.
  public init(label: String, value: Double, display: String? = nil, note: String? = nil) {
    self.label = label
    self.value = value
    self.display = display
    self.note = note
  }

  /// Creates a point from a `(label, value)` pair.
  public init(_ pair: (label: String, value: Double)) {
    self.init(label: pair.label, value: pair.value)
  }

  /// The value as printed: `display`, else the number (whole numbers without a decimal point).
  public var valueText: String {
    if let display { return display }
    let value = drawnValue
    if value == value.rounded() && value < 1e15 { return String(Int(value)) }
    return String((value * 10).rounded() / 10)
  }

  /// The value a chart draws: zero for a negative or non-finite one.
  var drawnValue: Double { value.isFinite ? max(0, value) : 0 }
}

extension ChartPoint {
  /// The label, value and note as a figure prints them: without control characters, in
  /// `glyphs`, each cut to its room (the note with its two leading spaces).
  func cells(
    _ glyphs: Glyphs, label labelRoom: Int, value valueRoom: Int, note noteRoom: Int
  ) -> (label: String, value: String, note: String) {
    func clean(_ text: String, _ room: Int) -> String {
      glyphs.fold(printableLabel(text)).truncated(to: room, ellipsis: glyphs.ellipsis)
    }
    let note = note.map { "  " + clean($0, max(0, noteRoom - 2)) } ?? ""
    return (clean(label, labelRoom), clean(valueText, valueRoom), noteRoom > 2 ? note : "")
  }
}
