import Exports
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The statements resource of a learning record store over HTTP(S), with Foundation's
/// URLSession: xAPI 1.0.3 headers, basic or bearer authentication, a 30-second timeout.
struct URLSessionTransport: LRSTransport {
  /// `<endpoint>/statements`.
  let statements: URL
  /// The `Authorization` header, if any.
  let authorization: String?

  private static let session: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = 30
    configuration.httpCookieStorage = nil
    configuration.urlCache = nil
    return URLSession(configuration: configuration)
  }()

  func send(_ request: LRSRequest) throws(LRSUnreachable) -> LRSResponse {
    var components = URLComponents(url: statements, resolvingAgainstBaseURL: false)
    if !request.query.isEmpty {
      components?.queryItems = request.query.sorted { $0.key < $1.key }.map {
        URLQueryItem(name: $0.key, value: $0.value)
      }
    }
    guard let url = components?.url else { throw LRSUnreachable(reason: "bad URL \(statements)") }
    var http = URLRequest(url: url)
    http.httpMethod = request.method.rawValue
    http.setValue("1.0.3", forHTTPHeaderField: "X-Experience-API-Version")
    http.setValue("application/json", forHTTPHeaderField: "Accept")
    if let body = request.body {
      http.httpBody = body
      http.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    if let authorization { http.setValue(authorization, forHTTPHeaderField: "Authorization") }
    let box = ResultBox()
    let done = DispatchSemaphore(value: 0)
    Self.session.dataTask(with: http) { data, response, error in
      if let response = response as? HTTPURLResponse {
        let retry = (response.value(forHTTPHeaderField: "Retry-After")).flatMap(Double.init)
        box.result = .success(
          LRSResponse(status: response.statusCode, body: data ?? Data(), retryAfter: retry))
      } else {
        box.result = .failure(
          LRSUnreachable(reason: error?.localizedDescription ?? "no HTTP response"))
      }
      done.signal()
    }.resume()
    done.wait()
    switch box.result {
    case .success(let response): return response
    case .failure(let error): throw error
    case nil: throw LRSUnreachable(reason: "no HTTP response")
    }
  }

  /// The request's outcome, handed from URLSession's queue to the waiting thread (the
  /// semaphore orders the two accesses).
  private final class ResultBox: @unchecked Sendable {
    var result: Result<LRSResponse, LRSUnreachable>?
  }
}
