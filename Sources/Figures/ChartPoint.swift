/// One value of a chart: a label, a number, and how to print the number.
public struct ChartPoint: Sendable, Equatable {
  /// What the value is of: a day ("12-01"), a topic ("grading").
  public var label: String
  /// The value; negative values are drawn as zero.
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
    let value = max(0, value)
    if value == value.rounded() && value < 1e15 { return String(Int(value)) }
    return String((value * 10).rounded() / 10)
  }
}
