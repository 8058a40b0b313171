// nelm-http: one HTTP(S) request for `nelm sync`, in a process of its own.
//
// Foundation's URLSession on Linux lives in FoundationNetworking, which loads libcurl and
// OpenSSL: linked into `nelm`, they doubled the start-up of every command and the shell and
// added about 6 MiB to each process. So only this helper links them, and `nelm sync` runs it
// once per request.
//
// Input (stdin): one line of JSON, {"method", "url", "headers": {name: value}}, then the body
// to the end. Credentials come this way, never on the command line.
// Output (stdout): one line of JSON, {"status", "retryAfter"} when the server answered, or
// {"error": reason} when it did not; then the response body to the end. Exit status 0 either
// way; 2 when the input itself is malformed.
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

struct Head: Decodable {
  var method: String
  var url: String
  var headers: [String: String]
}

/// The request's outcome, handed from URLSession's queue to the waiting thread (the
/// semaphore orders the two accesses).
final class ResultBox: @unchecked Sendable {
  var status: Int?
  var retryAfter: Double?
  var body = Data()
  var error: String?
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("nelm-http: \(message)\n".utf8))
  exit(2)
}

let input = FileHandle.standardInput.readDataToEndOfFile()
guard let newline = input.firstIndex(of: UInt8(ascii: "\n")),
  let head = try? JSONDecoder().decode(Head.self, from: input[input.startIndex..<newline]),
  let url = URL(string: head.url)
else { fail("expected a JSON line {method, url, headers} and the body on stdin") }
let body = input[(newline + 1)...]

var request = URLRequest(url: url)
request.httpMethod = head.method
for (name, value) in head.headers { request.setValue(value, forHTTPHeaderField: name) }
if !body.isEmpty { request.httpBody = Data(body) }

let configuration = URLSessionConfiguration.ephemeral
configuration.timeoutIntervalForRequest = 30
configuration.httpCookieStorage = nil
configuration.urlCache = nil
let session = URLSession(configuration: configuration)
let box = ResultBox()
let done = DispatchSemaphore(value: 0)
session.dataTask(with: request) { data, response, error in
  if let response = response as? HTTPURLResponse {
    box.status = response.statusCode
    box.retryAfter = response.value(forHTTPHeaderField: "Retry-After").flatMap(Double.init)
    box.body = data ?? Data()
  } else {
    box.error = error?.localizedDescription ?? "no HTTP response"
  }
  done.signal()
}.resume()
done.wait()

var status: [String: Any] = [:]
if let code = box.status {
  status["status"] = code
  status["retryAfter"] = box.retryAfter ?? NSNull()
} else {
  status["error"] = box.error ?? "no HTTP response"
}
var output = (try? JSONSerialization.data(withJSONObject: status)) ?? Data("{}".utf8)
output.append(UInt8(ascii: "\n"))
output.append(box.body)
FileHandle.standardOutput.write(output)
