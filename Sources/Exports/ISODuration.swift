/// Durations as ISO 8601 writes them, the form xAPI requires: `PT1.5S`, `PT2M5.25S`, `PT0S`.
enum ISODuration {
  /// `milliseconds` as `PT[nH][nM]n[.fff]S`: hours and minutes only when there are any,
  /// seconds with up to three decimals and no trailing zeros.
  static func text(milliseconds: Int) -> String {
    let total = max(0, milliseconds)
    let hours = total / 3_600_000
    let minutes = total / 60_000 % 60
    let seconds = total / 1000 % 60
    let fraction = total % 1000
    var text = "PT"
    if hours > 0 { text += "\(hours)H" }
    if minutes > 0 { text += "\(minutes)M" }
    if seconds > 0 || fraction > 0 || (hours == 0 && minutes == 0) {
      text += "\(seconds)"
      if fraction > 0 {
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        text += "." + digits
      }
      text += "S"
    }
    return text
  }
}
