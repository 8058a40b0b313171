import Foundation

extension XAPISync {
  /// Posts one batch until the store has it: 200 or 204 is done; 409 is done when every
  /// statement it holds under those ids is the same event (`sameEvent`), after sending the
  /// ones it lacks; 429 and 5xx, or no answer, are tried again after a wait that doubles
  /// (or the store's `Retry-After`), `options.attempts` times in all.
  func deliver(_ body: String) throws(XAPISyncError) {
    let response = try send(LRSRequest(method: .post, body: Data(body.utf8)))
    switch response.status {
    case 200..<300: return
    case 409: try settleConflict(body)
    default: throw refusal(response)
    }
  }

  /// Sends `request` until an answer other than 429 or 5xx comes, or the attempts run out.
  func send(_ request: LRSRequest) throws(XAPISyncError) -> LRSResponse {
    let attempts = max(1, options.attempts)
    var last = ""
    for attempt in 1...attempts {
      var pause = min(options.longestWait, 0.5 * pow(2, Double(attempt - 1)))
      do {
        let response = try transport.send(request)
        guard response.status == 429 || (500..<600).contains(response.status) else {
          return response
        }
        last = "HTTP \(response.status)"
        if let asked = response.retryAfter { pause = min(options.longestWait, max(0, asked)) }
      } catch {
        last = error.reason
      }
      if attempt < attempts { wait(pause) }
    }
    throw .unavailable(endpoint: endpoint, attempts: attempts, last: last)
  }

  /// A 409: the store has some of these ids. Each statement is read back; the same event is
  /// fine, a missing one is sent on its own, anything else is a conflict.
  private func settleConflict(_ body: String) throws(XAPISyncError) {
    guard let statements = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [Any]
    else { throw .refused(endpoint: endpoint, status: 409, detail: "unreadable batch") }
    var missing: [Any] = []
    for case let statement as [String: Any] in statements {
      guard let id = statement["id"] as? String else { continue }
      let response = try send(LRSRequest(method: .get, query: ["statementId": id]))
      switch response.status {
      case 200:
        let stored = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        guard let stored, Self.sameEvent(stored, statement) else {
          throw .conflict(endpoint: endpoint, id: id)
        }
      case 404: missing.append(statement)
      default: throw refusal(response)
      }
    }
    guard !missing.isEmpty,
      let data = try? JSONSerialization.data(withJSONObject: missing, options: [.sortedKeys])
    else { return }
    let response = try send(LRSRequest(method: .post, body: data))
    guard (200..<300).contains(response.status) else { throw refusal(response) }
  }

  /// Whether two statements record the same event, by the xAPI rule for comparing
  /// statements: the same id, actor, verb, object id, result, context and time, whatever the
  /// activity's definition or the verb's display say (those describe the course, not the
  /// event) and whatever the store added (`stored`, `authority`, `version`).
  static func sameEvent(_ one: [String: Any], _ other: [String: Any]) -> Bool {
    // Compared as canonical JSON (sorted keys): Foundation on Linux has no `isEqual`.
    func same(_ a: Any?, _ b: Any?) -> Bool {
      func canonical(_ value: Any?) -> Data? {
        value.flatMap { try? JSONSerialization.data(withJSONObject: [$0], options: .sortedKeys) }
      }
      return canonical(a) == canonical(b)
    }
    func objectID(_ statement: [String: Any]) -> Any? {
      (statement["object"] as? [String: Any])?["id"]
    }
    func verbID(_ statement: [String: Any]) -> Any? {
      (statement["verb"] as? [String: Any])?["id"]
    }
    func instant(_ statement: [String: Any]) -> Date? {
      (statement["timestamp"] as? String).flatMap { try? Date($0, strategy: .iso8601) }
    }
    return same(one["id"], other["id"]) && same(one["actor"], other["actor"])
      && same(verbID(one), verbID(other)) && same(objectID(one), objectID(other))
      && same(one["result"], other["result"]) && same(one["context"], other["context"])
      && instant(one) == instant(other)
  }

  private func refusal(_ response: LRSResponse) -> XAPISyncError {
    if response.status == 401 || response.status == 403 {
      return .unauthorized(endpoint: endpoint, status: response.status)
    }
    let detail = String(decoding: response.body.prefix(300), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return .refused(endpoint: endpoint, status: response.status, detail: detail)
  }
}
