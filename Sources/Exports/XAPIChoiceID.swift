/// Option ids as xAPI choice ids: no blanks (ralph and the xAPI profile refuse `NET G1`) and
/// no `[` `,` `]`, which separate the ids of a response.
///
/// Every byte outside `A-Z a-z 0-9 - . _ ~` is percent-encoded (`NET G1` → `NET%20G1`), so
/// the encoding is reversible and the ids nelm uses today (`a`, `G2`, `age_over_55`) stay
/// as they are.
enum XAPIChoiceID {
  /// The choice id for an option id.
  static func encode(_ id: String) -> String {
    var text = ""
    for byte in id.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        text.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        text += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
      }
    }
    return text
  }

  /// Option ids as an xAPI choice response or pattern: encoded, joined by `[,]`.
  static func response(_ ids: [String]) -> String {
    ids.map(encode).joined(separator: "[,]")
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
