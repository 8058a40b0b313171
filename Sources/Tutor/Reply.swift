/// What the tutor answers to one line of input.
public struct Reply: Sendable, Equatable {
  /// Text to show.
  public var blocks: [Block]
  /// The session changed and must be saved before the next prompt.
  public var saveNeeded: Bool
  /// The learner asked to leave.
  public var quit: Bool
  /// The line could not be carried out (unknown command, bad argument, invalid answer).
  /// Scripts reading from a pipe stop at the first one.
  public var isError: Bool
  /// What to say once the change is saved (`[Enter] next · menu`): the shell prints it
  /// after `Saved.` when the save succeeded, and after `Not saved.` when it did not, so the
  /// learner is never told an answer is safe before it is.
  public var acknowledgement: String?
  /// Long text, more than a screen (help, the glossary, sources, lists): the shell shows it
  /// through a pager on a terminal.
  public var isLong = false

  /// Creates a value from its parts.
  public init(
    _ blocks: [Block] = [], saveNeeded: Bool = false, quit: Bool = false, isError: Bool = false
  ) {
    self.blocks = blocks
    self.saveNeeded = saveNeeded
    self.quit = quit
    self.isError = isError
  }

  /// A one-paragraph error message.
  static func error(_ message: String) -> Reply {
    Reply([.text(message, .bad)], isError: true)
  }

  /// The reply, marked as long text for the pager.
  func paged() -> Reply {
    var reply = self
    reply.isLong = true
    return reply
  }

  /// Adds another reply's text and effects after this one's.
  mutating func append(_ other: Reply) {
    blocks += other.blocks
    saveNeeded = saveNeeded || other.saveNeeded
    quit = quit || other.quit
    isError = isError || other.isError
    acknowledgement = other.acknowledgement ?? acknowledgement
  }
}
