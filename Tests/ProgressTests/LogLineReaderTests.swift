import Foundation
import Identifiers
import Testing

@testable import Progress

/// Log lines read straight from the bytes: the same answer and effects as the decoder reads,
/// and every line it does not take left to the decoder, which names the problem.
@Suite("Reading a log line without the decoder")
struct LogLineReaderTests {
  static let start = Date(timeIntervalSince1970: 1_764_000_000.25)

  /// Lines that use every field a line can carry.
  static let variedLines: [LoggedAnswer] = {
    let answer = Answer(
      item: "grading/ki67", response: ["a", "c"], correct: true, at: start, durationMs: 3_000,
      hintsUsed: 1)
    let step = Answer(
      item: "case/random:7/grade", response: [], correct: false, skipped: true,
      at: start.addingTimeInterval(61.5), durationMs: 0, hintsUsed: 0, outcome: .skipped)
    var lesson = AnswerEffects()
    lesson.lessons = [
      "grading": LessonProgress(
        position: 4, completed: false, started: start, updated: start.addingTimeInterval(2)),
      "staging": nil,
    ]
    lesson.review = ReviewState(
      stability: 2.3065, difficulty: 2.118103970459016, due: start.addingTimeInterval(600),
      phase: .learning, step: 1, lastReview: start, reps: 1, lapses: 0)
    var caseRun = AnswerEffects()
    caseRun.cases = [
      "random:7": CaseProgress(
        position: 3, completed: true, started: start, updated: start.addingTimeInterval(61.5),
        outcomes: ["grade": .skipped, "t": .acceptable, "next-step": .wrong]),
      "c1": nil,
    ]
    caseRun.quiz = .some(
      QuizProgress(
        cases: ["random:7", "c1"], topic: "grading", timed: true, started: start))
    var ended = AnswerEffects()
    ended.quiz = .some(nil)
    ended.review = ReviewState(
      stability: 1e-3, difficulty: 10, due: start.addingTimeInterval(86_400 * 400),
      phase: .review, step: nil, lastReview: nil, reps: 12, lapses: 3)
    var untimed = AnswerEffects()
    untimed.quiz = .some(QuizProgress(cases: [], started: start))
    return [
      LoggedAnswer(answer), LoggedAnswer(answer, effects: lesson),
      LoggedAnswer(step, effects: caseRun), LoggedAnswer(answer, effects: ended),
      LoggedAnswer(step, effects: untimed),
    ]
  }()

  /// `line` read both ways: the fast reader's value (nil when it does not take the line) and
  /// the decoder's.
  func bothWays(_ line: Data) throws -> (quick: LoggedAnswer?, decoded: LoggedAnswer) {
    let quick = line.withUnsafeBytes { LogLineReader.read($0.bindMemory(to: UInt8.self)) }
    return (quick, try AnswerLog.decodedAnswer(in: line, path: "ana.answers.jsonl", line: 1))
  }

  @Test("a line nelm writes is read here, to what the decoder reads")
  func sameAsTheDecoder() throws {
    for logged in Self.variedLines {
      let line = try AnswerLog.lines([logged]).dropLast()
      let (quick, decoded) = try bothWays(Data(line))
      #expect(quick != nil, "\(String(decoding: line, as: UTF8.self))")
      #expect(quick == decoded)
      #expect(decoded == logged.roundedToMilliseconds)
    }
  }

  /// Logs nelm wrote in real use: the e2e tests' learners (a shell's case runs, and
  /// generated learners with reviews) and version 2's fixtures.
  static var realLogs: [String] {
    let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("..").standardized.path
    return [
      tests + "/e2e/fixtures/recap/eva/eva.answers.jsonl",
      tests + "/e2e/fixtures/recap/mixed/mixed.answers.jsonl",
      tests + "/ProgressTests/Fixtures/v2/ana.answers.jsonl",
      tests + "/ProgressTests/Fixtures/v2/bob.answers.jsonl",
    ]
  }

  @Test("every line of a real log is read here, to what the decoder reads", arguments: realLogs)
  func realLog(path: String) throws {
    let lines = try Data(contentsOf: URL(fileURLWithPath: path))
      .split(separator: UInt8(ascii: "\n"))
    #expect(!lines.isEmpty)
    for line in lines {
      let (quick, decoded) = try bothWays(Data(line))
      #expect(quick == decoded, "\(String(decoding: line, as: UTF8.self))")
    }
  }

  /// Lines the reader leaves to the decoder: each is either not one nelm writes or not a
  /// valid answer at all.
  @Test(
    "a line it does not take is left to the decoder",
    arguments: [
      #"{"at":"2026-12-03T20:35:37.583Z","correct":true,"durationMs":1,"hintsUsed":0,"item":"a/b","response":[],"skipped":false,"extra":1}"#,
      #"{"at":"2026-12-03T20:35:37.583Z","correct":true,"durationMs":1,"hintsUsed":0,"item":"a/b","response":[],"skipped":false,"skipped":true}"#,
      #"{"at":"2026-12-03T20:35:37.583Z","correct":true,"durationMs":1,"hintsUsed":0,"item":"a\/b","response":[],"skipped":false}"#,
      #"{"at":"2026-12-03T20:35:37.583Z","correct":true,"durationMs":1,"hintsUsed":0,"item":"a/b","outcome":null,"response":[],"skipped":false}"#,
      #"{"at":"2026-12-03T20:35:37.583Z","correct":true,"durationMs":1.5,"hintsUsed":0,"item":"a/b","response":[],"skipped":false}"#,
      #"{"at":"2026-02-30T20:35:37.583Z","correct":true,"durationMs":1,"hintsUsed":0,"item":"a/b","response":[],"skipped":false}"#,
      #"{"at":"2026-12-03T20:35:37.583Z","correct":true,"durationMs":1,"hintsUsed":0,"item":"a/b","response":[],"skipped":false} x"#,
      #"{"at":"2026-12-03T20:35:37.583Z","correct":true,"durationMs":1,"hintsUsed":0,"item":"a/b","response":[]}"#,
      #"{"at":"2026-12-03T20:35:37.583Z","cases":{"c":{"completed":false,"position":1,"started":"2026-12-03T20:35:37.583Z","updated":"2026-12-03T20:35:37.583Z"},"c":null},"correct":true,"durationMs":1,"hintsUsed":0,"item":"a/b","response":[],"skipped":false}"#,
      #"{"at":"2026-12-03T20:35:37.583Z","cases":{"c":{"completed":false,"position":1,"started":"2026-12-03T20:35:37.583Z"}},"correct":true,"durationMs":1,"hintsUsed":0,"item":"a/b","response":[],"skipped":false}"#,
      #"{"at":"2026-12-03T20:35:37.583Z","correct":true,"durationMs":1,"hintsUsed":0,"item":"a/b","quiz":{"cases":[],"started":"2026-12-03T20:35:37.583Z"},"response":[],"skipped":false}"#,
      #"{"at":"2026-12-03T20:35:37.583Z","correct":true,"durationMs":1,"hintsUsed":0,"item":"a/b","response":[],"review":{"due":"2026-12-03T20:35:37.583Z","lapses":0,"phase":"review","reps":1},"skipped":false}"#,
    ])
  func leftToTheDecoder(line: String) {
    let bytes = Array(line.utf8)
    #expect(bytes.withUnsafeBufferPointer { LogLineReader.read($0) } == nil)
  }

  @Test("a line it takes whose answer has a problem is still refused, with the problem named")
  func problemStillNamed() throws {
    let line = Data(
      #"{"at":"2026-12-03T20:35:37.583Z","correct":true,"durationMs":-5,"hintsUsed":0,"item":"a/b","response":[],"skipped":false}"#
        .utf8)
    #expect(line.withUnsafeBytes { LogLineReader.read($0.bindMemory(to: UInt8.self)) } != nil)
    #expect(throws: ProgressError.self) {
      try AnswerLog.answer(in: line, path: "ana.answers.jsonl", line: 7)
    }
    do {
      _ = try AnswerLog.answer(in: line, path: "ana.answers.jsonl", line: 7)
    } catch {
      #expect(error.message.contains("line 7"))
      #expect(error.message.contains("durationMs is -5"))
    }
  }

  @Test("whatever one byte is changed to, a line reads as the decoder alone reads it, or fails")
  func everyOneByteEdit() throws {
    // Bytes that make other valid JSON, or break it, at every place of lines with effects.
    let replacements = Array("0129-.eE\"\\ n{}[],:tfx".utf8) + [0x00, 0xC3]
    var taken = 0
    for logged in Self.variedLines.suffix(3) {
      let line = Array(try AnswerLog.lines([logged]).dropLast())
      for index in line.indices {
        for byte in replacements where byte != line[index] {
          var edited = line
          edited[index] = byte
          if edited.withUnsafeBufferPointer({ LogLineReader.read($0) }) != nil { taken += 1 }
          let read = try? AnswerLog.answer(in: Data(edited), path: "a.answers.jsonl", line: 1)
          let decoded = try? AnswerLog.decodedAnswer(
            in: Data(edited), path: "a.answers.jsonl", line: 1)
          #expect(read == decoded, "edited at \(index): \(String(decoding: edited, as: UTF8.self))")
        }
      }
    }
    // Digits in numbers and letters in ids change what is read, not whether it reads.
    #expect(taken > 100)
  }
}
