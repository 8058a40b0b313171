import Yams

/// The spelling rules of the ids in the lesson format.
enum Identifier {
  private static let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")

  /// `id` when it uses only a-z, 0-9 and '-'; otherwise reports it and returns nil.
  static func check(_ id: String, what: String, at mark: Mark?, log: inout DiagnosticLog)
    -> String?
  {
    guard id.allSatisfy(allowed.contains) else {
      log.report("\(what) '\(id)' must use a-z, 0-9 and '-'", at: mark)
      return nil
    }
    return id
  }

  /// Whether `id` can name an option: one lower-case letter.
  static func isOptionID(_ id: String) -> Bool {
    id.count == 1 && id.allSatisfy { $0 >= "a" && $0 <= "z" }
  }
}
