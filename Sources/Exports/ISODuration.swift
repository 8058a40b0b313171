/// Durations as ISO 8601 writes them, the form xAPI requires: `PT1.5S`, `PT2M5.25S`, `PT0S`.
enum ISODuration {
  /// `milliseconds` rounded to hundredths of a second (xAPI keeps 0.01 s) as
  /// `PT[nH][nM]n[.ff]S`: hours and minutes only when there are any, seconds with up to two
  /// decimals and no trailing zeros.
  static func text(milliseconds: Int) -> String {
    let total = (max(0, milliseconds) + 5) / 10
    let hours = total / 360_000
    let minutes = total / 6000 % 60
    let seconds = total / 100 % 60
    let fraction = total % 100
    var text = "PT"
    if hours > 0 { text += "\(hours)H" }
    if minutes > 0 { text += "\(minutes)M" }
    if seconds > 0 || fraction > 0 || (hours == 0 && minutes == 0) {
      text += "\(seconds)"
      if fraction > 0 {
        var digits = fraction < 10 ? "0\(fraction)" : "\(fraction)"
        while digits.hasSuffix("0") { digits.removeLast() }
        text += "." + digits
      }
      text += "S"
    }
    return text
  }
}
