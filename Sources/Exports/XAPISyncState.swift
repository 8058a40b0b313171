import Foundation
import Progress

/// How far `nelm sync` got with each store: `<learner>.sync` beside the session file,
/// written durably after each batch the store acknowledged (see `Docs/xapi.md`).
public struct XAPISyncState: Codable, Sendable, Equatable {
  /// The format's version.
  public var version = 1
  /// By store endpoint.
  public var stores: [String: Store] = [:]

  /// What one store has.
  public struct Store: Codable, Sendable, Equatable {
    /// The byte offset of the answer log up to which every answer is in the store.
    public var offset = 0
    /// The completions in the store (`XAPIEvent.Completion.key`).
    public var completions: [String] = []
    /// A batch sent but not yet acknowledged: sent again, byte for byte, before anything
    /// else, so that a store that kept it finds the very same statements.
    public var pending: Batch?
  }

  /// A batch of statements and how far it takes the store.
  public struct Batch: Codable, Sendable, Equatable {
    /// The log offset reached once the store has it.
    public var offset: Int
    /// The completions it holds.
    public var completions: [String]
    /// The number of statements.
    public var count: Int
    /// The request body: a JSON array of statements.
    public var statements: String
  }

  /// The state file of the session file `sessionFile`.
  public static func url(forSessionFile sessionFile: URL) -> URL {
    let name = sessionFile.deletingPathExtension().lastPathComponent
    return sessionFile.deletingLastPathComponent().appendingPathComponent("\(name).sync")
  }

  /// The state in `url`; a fresh one when there is no file.
  static func read(_ url: URL) throws(XAPISyncError) -> XAPISyncState {
    guard FileManager.default.fileExists(atPath: url.path) else { return XAPISyncState() }
    guard let data = FileManager.default.contents(atPath: url.path),
      let state = try? JSONDecoder().decode(XAPISyncState.self, from: data), state.version == 1
    else { throw .badState(path: url.path) }
    return state
  }

  /// Replaces the file durably (mode 0600).
  func write(to url: URL) throws(XAPISyncError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else { throw .badState(path: url.path) }
    do {
      try DurableFile.write(data + Data("\n".utf8), to: url)
    } catch {
      throw .cannotSave(error)
    }
  }
}
