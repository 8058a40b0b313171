import Foundation

@testable import Progress

/// libFuzzer target `migration`: a learner's folder as an older nelm (or an old backup) left
/// it — `<learner>.json` of any version, a NUL byte, then `<learner>.answers.jsonl` — opened
/// by `SessionStore.open`, through real files (in /dev/shm when it can, so fsync costs
/// nothing).
///
/// Beyond "no crash" it checks what issue 10 promises: an open that fails changes neither
/// file; one that succeeds never rewrites or drops a line the log held (its complete lines
/// are the new log's first bytes), counts every line of the log, keeps the old file's bytes
/// in a `.v1` copy when it migrated, and opening again gives the same session.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMigration(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let input = Array(UnsafeBufferPointer(start: start, count: count))
  let split = input.firstIndex(of: 0) ?? input.count
  let sessionBytes = Data(input[..<split])
  let logBytes = Data(input[min(split + 1, input.count)...])
  let folder = URL(fileURLWithPath: scratchFolder)
  try? FileManager.default.removeItem(at: folder)
  guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true))
    != nil, let learner = try? LearnerName("ana")
  else { fatalError("cannot make the scratch folder \(scratchFolder)") }
  let store = SessionStore(directory: folder)
  let sessionURL = store.fileURL(for: learner)
  let logURL = AnswerLog.url(forSessionFile: sessionURL)
  guard (try? sessionBytes.write(to: sessionURL)) != nil,
    logBytes.isEmpty || (try? logBytes.write(to: logURL)) != nil
  else { fatalError("cannot write the scratch files") }

  let opened: OpenSession
  do {
    opened = try store.open(learner, now: Date(timeIntervalSince1970: 1_709_285_400))
  } catch {
    _ = error.message
    guard (try? Data(contentsOf: sessionURL)) == sessionBytes,
      logBytes.isEmpty ? !FileManager.default.fileExists(atPath: logURL.path)
        : (try? Data(contentsOf: logURL)) == logBytes
    else { fatalError("a refused open changed a file: \(error.message)") }
    return 0
  }
  let session = opened.session
  opened.close()
  let newLog = (try? Data(contentsOf: logURL)) ?? Data()
  let complete = logBytes.lastIndex(of: UInt8(ascii: "\n")).map { logBytes[...$0] } ?? Data()
  guard newLog.starts(with: complete) else { fatalError("a logged line was rewritten") }
  guard session.logBytes == newLog.count else {
    fatalError("logBytes \(session.logBytes), but the log holds \(newLog.count) bytes")
  }
  if let copy = try? Data(contentsOf: folder.appendingPathComponent("ana.json.v1")) {
    // Migrated: every line of the log is counted, and the old file is kept whole.
    let lines = newLog.count(where: { $0 == UInt8(ascii: "\n") })
    guard session.answerCount == lines else {
      fatalError("answerCount \(session.answerCount), but the log holds \(lines) answers")
    }
    guard copy == sessionBytes else {
      fatalError("the .v1 copy does not hold the migrated file's bytes")
    }
  }
  do {
    let again = try store.open(learner, now: Date(timeIntervalSince1970: 1_709_285_400))
    defer { again.close() }
    guard again.session == session else { fatalError("opening again gave another session") }
  } catch {
    fatalError("a session that opened does not open again: \(error.message)")
  }
  return 0
}

/// One folder per fuzzing process, on a memory file system when there is one.
private let scratchFolder: String = {
  var info = stat()
  let base =
    stat("/dev/shm", &info) == 0 && access("/dev/shm", W_OK) == 0
    ? "/dev/shm" : FileManager.default.temporaryDirectory.path
  let path = base + "/nelm-fuzz-migration-\(getpid())"
  atexit { try? FileManager.default.removeItem(atPath: scratchFolder) }
  return path
}()
