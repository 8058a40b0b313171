/// Where a figure is drawn: how wide, with colour or not, with which characters.
///
/// Pure: the caller reads the terminal and the environment and hands the values in, so tests
/// pass fixed ones.
public struct FigureStyle: Sendable, Equatable {
  /// The narrowest width a figure is laid out for; narrower requests are widened to it.
  public static let minimumWidth = 40
  /// The widest: beyond it lines get too long to read.
  public static let maximumWidth = 160

  /// Columns every line fits in.
  public var width: Int
  /// Whether emphasis becomes ANSI colour; without it charts become tables of numbers.
  public var color: Bool
  /// Box-drawing and block characters, or their ASCII stand-ins.
  public var glyphs: Glyphs

  /// Creates a style; `width` is kept within `minimumWidth...maximumWidth`.
  public init(width: Int, color: Bool, glyphs: Glyphs) {
    self.width = min(max(width, Self.minimumWidth), Self.maximumWidth)
    self.color = color
    self.glyphs = glyphs
  }

  /// The style for standard output: colour only on a terminal, without `NO_COLOR` (set and
  /// not empty) and with a `TERM` other than `dumb`; UTF-8 characters when the locale and the
  /// terminal can show them; `columns` when known, else `COLUMNS`, else 80.
  public static func detect(
    environment: [String: String], isTerminal: Bool, columns: Int? = nil
  ) -> FigureStyle {
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let term = environment["TERM"] ?? ""
    let color = isTerminal && !noColor && term != "dumb"
    let fromEnvironment = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    let width = columns.flatMap { $0 > 0 ? $0 : nil } ?? fromEnvironment ?? 80
    return FigureStyle(
      width: width, color: color,
      glyphs: Glyphs.detect(environment: environment, isTerminal: isTerminal))
  }
}

/// The characters a figure is drawn with.
public enum Glyphs: Sendable, Equatable, CaseIterable {
  /// Box drawing (`├─ └─ │`), blocks (`█▌`) and arrows (`→ ▶`): needs a UTF-8 locale.
  case unicode
  /// Plain ASCII (`|- `- |`, `#`, `->`, `>`), for the C locale and old terminals.
  case ascii

  /// UTF-8 when the locale's character type says so: `LC_ALL`, else `LC_CTYPE`, else `LANG`
  /// (the first one set and not empty, as POSIX reads them) names UTF-8, and, on a terminal,
  /// `TERM` is not `dumb` or a DEC VT model (`vt100`, `vt220`…), which show no UTF-8.
  public static func detect(environment: [String: String], isTerminal: Bool) -> Glyphs {
    let locale =
      ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
      ?? "C"
    let lowered = locale.lowercased()
    guard lowered.contains("utf-8") || lowered.contains("utf8") else { return .ascii }
    if isTerminal, let term = environment["TERM"], term == "dumb" || term.hasPrefix("vt") {
      return .ascii
    }
    return .unicode
  }
}
