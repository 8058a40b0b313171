import Foundation

@testable import Progress

/// libFuzzer target `answer-log`: the bytes of `<learner>.answers.jsonl`. Answers that read
/// must pass the checks of the session file (`Answer.problem`, so a line the log takes can
/// always be saved in the session file), apply to a session that still saves, and write back as
/// lines that read to the same lines.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswerLog(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(UnsafeBufferPointer(start: start, count: count))
  let lines: [LoggedAnswer]
  do {
    lines = try AnswerLog.answers(in: data, path: "ana.answers.jsonl", firstLine: 1)
  } catch {
    _ = error.message
    return 0
  }
  if let bad = lines.map(\.answer).first(where: { $0.problem != nil }) {
    fatalError("the log took an answer the session file refuses: \(bad.problem ?? "")")
  }
  var session = Session(learner: "ana", now: Date(timeIntervalSince1970: 0))
  for line in lines { session.apply(line) }
  if case .failure(let error) = Result(catching: { () throws(ProgressError) in
    try SessionCoding.encode(session)
  }) {
    fatalError("answers the log took cannot be saved: \(error.message)")
  }
  do {
    let written = try AnswerLog.lines(lines)
    let again = try AnswerLog.answers(in: written, path: "again", firstLine: 1)
    guard try AnswerLog.lines(again) == written else { fatalError("log lines are not stable") }
  } catch {
    fatalError("answers that were read cannot be written back: \(error.message)")
  }
  return 0
}
