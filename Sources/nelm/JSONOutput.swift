import Clinical
import Shell

/// The one way a command prints JSON on standard output: `JSONValue`, pretty, with a newline.
enum JSONOutput {
  /// Prints `value`.
  static func print(_ value: JSONValue) {
    Console.out(value.prettyPrinted() + "\n")
  }
}
