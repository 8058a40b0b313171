import Foundation

/// One request to a learning record store's statements resource.
public struct LRSRequest: Sendable, Equatable {
  /// `POST` a batch, or `GET` one statement back.
  public enum Method: String, Sendable { case post = "POST", get = "GET" }
  /// What to do.
  public var method: Method
  /// Query parameters (`statementId` for a GET).
  public var query: [String: String]
  /// The JSON body of a POST.
  public var body: Data?

  /// Creates a value from its parts.
  public init(method: Method, query: [String: String] = [:], body: Data? = nil) {
    self.method = method
    self.query = query
    self.body = body
  }
}

/// What a learning record store answered.
public struct LRSResponse: Sendable, Equatable {
  /// The HTTP status.
  public var status: Int
  /// The body, usually JSON.
  public var body: Data
  /// `Retry-After` in seconds, when the store sent one.
  public var retryAfter: Double?

  /// Creates a value from its parts.
  public init(status: Int, body: Data = Data(), retryAfter: Double? = nil) {
    self.status = status
    self.body = body
    self.retryAfter = retryAfter
  }
}

/// Sends requests to one store's `statements` resource (HTTP in `nelm sync`, a fake in tests).
public protocol LRSTransport {
  /// Sends `request`; throws `LRSUnreachable` when no answer came (refused, reset, timed out).
  func send(_ request: LRSRequest) throws(LRSUnreachable) -> LRSResponse
}

/// No answer from the store: why, in the system's words.
public struct LRSUnreachable: Error, Sendable, Equatable {
  /// The reason, e.g. "Could not connect to the server."
  public var reason: String

  /// Creates a value from its parts.
  public init(reason: String) {
    self.reason = reason
  }
}
