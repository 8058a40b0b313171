import Yams

/// Turns the errors of the YAML parser into a message and the position it names.
enum YAMLSyntax {
  /// A message for `error`, thrown while parsing `yaml`, and where in `yaml` it points.
  static func describe(_ error: any Error, in yaml: String) -> (
    message: String, line: Int, column: Int
  ) {
    guard let error = error as? YamlError else {
      return ("invalid YAML: \(error)", 1, 1)
    }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      return ("invalid YAML: \(problem)\(describe(context))", mark.line, mark.column)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return ("duplicate key \(keys) in one mapping", context.mark.line, context.mark.column)
    case .reader(let problem, let offset, _, _):
      let (line, column) = position(atCharacterOffset: offset ?? 0, in: yaml)
      return ("invalid YAML: \(problem)", line, column)
    default:
      return ("invalid YAML: \(error)", 1, 1)
    }
  }

  private static func describe(_ context: YamlError.Context?) -> String {
    guard let context else { return "" }
    return " (\(context.text) at \(context.mark.line):\(context.mark.column))"
  }

  /// The line and column of the `offset`th character, counting columns in Unicode scalars as
  /// libYAML does.
  private static func position(atCharacterOffset offset: Int, in yaml: String) -> (Int, Int) {
    var line = 1
    var column = 1
    for character in yaml.prefix(offset) {
      if character.isNewline {
        line += 1
        column = 1
      } else {
        column += character.unicodeScalars.count
      }
    }
    return (line, column)
  }
}
