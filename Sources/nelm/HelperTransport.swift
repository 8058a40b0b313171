import Exports
import Foundation

/// The statements resource of a learning record store over HTTP(S), through the `nelm-http`
/// helper installed beside `nelm` (see its main.swift for why it is a process of its own):
/// xAPI 1.0.3 headers, basic or bearer authentication, a 30-second timeout.
struct HelperTransport: LRSTransport {
  /// `<endpoint>/statements`.
  let statements: URL
  /// The `Authorization` header, if any; handed to the helper on its stdin.
  let authorization: String?
  /// The helper's executable.
  let helper: URL

  /// Where `nelm-http` is: beside this executable (a build folder), or in
  /// `../libexec/nelm/` (an installed `bin/nelm`). Nil when it is in neither.
  static func locateHelper() -> URL? {
    guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else {
      return nil
    }
    let folder = executable.deletingLastPathComponent()
    return [
      folder.appendingPathComponent("nelm-http"),
      folder.deletingLastPathComponent().appendingPathComponent("libexec/nelm/nelm-http"),
    ].first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  func send(_ request: LRSRequest) throws(LRSUnreachable) -> LRSResponse {
    var components = URLComponents(url: statements, resolvingAgainstBaseURL: false)
    if !request.query.isEmpty {
      components?.queryItems = request.query.sorted { $0.key < $1.key }.map {
        URLQueryItem(name: $0.key, value: $0.value)
      }
    }
    guard let url = components?.url else { throw LRSUnreachable(reason: "bad URL \(statements)") }
    var headers = ["X-Experience-API-Version": "1.0.3", "Accept": "application/json"]
    if request.body != nil { headers["Content-Type"] = "application/json" }
    if let authorization { headers["Authorization"] = authorization }
    let head: [String: Any] = [
      "method": request.method.rawValue, "url": url.absoluteString, "headers": headers,
    ]
    guard var input = try? JSONSerialization.data(withJSONObject: head) else {
      throw LRSUnreachable(reason: "cannot encode the request")
    }
    input.append(UInt8(ascii: "\n"))
    input.append(request.body ?? Data())
    let output = try run(input)
    guard let newline = output.firstIndex(of: UInt8(ascii: "\n")),
      let status = try? JSONSerialization.jsonObject(with: output[output.startIndex..<newline])
        as? [String: Any]
    else { throw LRSUnreachable(reason: "the nelm-http helper gave no answer") }
    guard let code = status["status"] as? Int else {
      throw LRSUnreachable(reason: status["error"] as? String ?? "no HTTP response")
    }
    return LRSResponse(
      status: code, body: Data(output[(newline + 1)...]),
      retryAfter: status["retryAfter"] as? Double)
  }

  /// Runs the helper with `input` on its stdin and returns all it printed.
  private func run(_ input: Data) throws(LRSUnreachable) -> Data {
    let process = Process()
    process.executableURL = helper
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    do {
      try process.run()
    } catch {
      throw LRSUnreachable(reason: "cannot run \(helper.path): \(error.localizedDescription)")
    }
    // The helper reads all its input before it writes: write, close, then read.
    stdin.fileHandleForWriting.write(input)
    try? stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return output
  }
}
