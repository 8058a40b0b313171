import Figures
import Testing

@Suite("Where figures are drawn")
struct FigureStyleTests {
  @Test(
    "UTF-8 only when the locale says so, LC_ALL before LC_CTYPE before LANG",
    arguments: [
      ([String: String](), Glyphs.ascii),
      (["LANG": "C"], .ascii),
      (["LANG": "POSIX"], .ascii),
      (["LANG": "C.UTF-8"], .unicode),
      (["LANG": "en_GB.utf8"], .unicode),
      (["LANG": "de_DE.ISO-8859-1"], .ascii),
      (["LANG": "en_US.UTF-8", "LC_ALL": "C"], .ascii),
      (["LANG": "C", "LC_CTYPE": "C.UTF-8"], .unicode),
      (["LANG": "C", "LC_CTYPE": "C.UTF-8", "LC_ALL": ""], .unicode),
      (["LC_ALL": "fr_FR.UTF-8", "LC_CTYPE": "C"], .unicode),
    ])
  func glyphsFollowTheLocale(environment: [String: String], expected: Glyphs) {
    #expect(Glyphs.detect(environment: environment, isTerminal: false) == expected)
    #expect(
      Glyphs.detect(environment: environment.merging(["TERM": "xterm"]) { $1 }, isTerminal: true)
        == expected)
  }

  @Test("a terminal that shows no UTF-8 gets ASCII, whatever the locale")
  func oldTerminals() {
    for term in ["dumb", "vt100", "vt220"] {
      let environment = ["LANG": "C.UTF-8", "TERM": term]
      #expect(Glyphs.detect(environment: environment, isTerminal: true) == .ascii)
      // Through a pipe the terminal does not matter.
      #expect(Glyphs.detect(environment: environment, isTerminal: false) == .unicode)
    }
  }

  @Test("colour only on a terminal, without NO_COLOR, and not on a dumb one")
  func colour() {
    let utf8 = ["LANG": "C.UTF-8", "TERM": "xterm"]
    #expect(FigureStyle.detect(environment: utf8, isTerminal: true).color)
    #expect(!FigureStyle.detect(environment: utf8, isTerminal: false).color)
    #expect(
      !FigureStyle.detect(environment: utf8.merging(["NO_COLOR": "1"]) { $1 }, isTerminal: true)
        .color)
    #expect(
      FigureStyle.detect(environment: utf8.merging(["NO_COLOR": ""]) { $1 }, isTerminal: true).color
    )
    #expect(!FigureStyle.detect(environment: ["TERM": "dumb"], isTerminal: true).color)
  }

  @Test("the width: the one given, else COLUMNS, else 80, kept within 40...160")
  func width() {
    #expect(FigureStyle.detect(environment: [:], isTerminal: false).width == 80)
    #expect(FigureStyle.detect(environment: ["COLUMNS": "120"], isTerminal: false).width == 120)
    #expect(FigureStyle.detect(environment: ["COLUMNS": "x"], isTerminal: false).width == 80)
    #expect(
      FigureStyle.detect(environment: ["COLUMNS": "120"], isTerminal: true, columns: 100).width
        == 100)
    #expect(FigureStyle.detect(environment: ["COLUMNS": "300"], isTerminal: false).width == 160)
    #expect(FigureStyle.detect(environment: ["COLUMNS": "20"], isTerminal: false).width == 40)
  }
}
