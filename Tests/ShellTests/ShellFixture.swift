import Course
import Foundation
import Progress
import Tutor

@testable import Shell

/// Lines a test types: each `readLine` hands out the next event and keeps the prompt it was
/// read with; past the script, the input ends (as Ctrl-D or the end of a pipe).
final class ScriptedLines: LineSource {
  private var events: [LineEvent]
  private(set) var prompts: [String] = []

  init(_ events: [LineEvent]) {
    self.events = events
  }

  /// A script of typed lines.
  convenience init(lines: [String]) {
    self.init(lines.map(LineEvent.line))
  }

  func readLine(prompt: String) -> LineEvent {
    prompts.append(prompt)
    return events.isEmpty ? .endOfInput : events.removeFirst()
  }
}

/// An open session in memory that can be told to fail its next writes.
final class MemorySession: SessionWriter {
  private(set) var session: Session
  /// Every answer logged, oldest first.
  private(set) var log: [Answer] = []
  /// How many times the session file (the checkpoint) was written.
  private(set) var saves = 0
  /// How many of the next appends fail, as on a full disk.
  var appendFailures = 0
  /// Which checkpoints fail, counting every attempt from 1.
  var failingSaves: Set<Int> = []
  private var saveAttempts = 0
  private(set) var linesSinceCheckpoint = 0
  private(set) var checkpointTime = Date()

  init(_ session: Session) {
    self.session = session
  }

  func record(_ answers: [Answer], reaching target: Session) throws(ProgressError) {
    guard !answers.isEmpty else { return }
    if appendFailures > 0 {
      appendFailures -= 1
      throw .writeFailed(path: "ana.answers.jsonl", reason: "No space left")
    }
    log += answers
    // The log's lines carry the places the answers moved: the files now hold `target`.
    session = target.checkpointForm(keeping: session)
    linesSinceCheckpoint += answers.count
  }

  func needsCheckpoint(_ target: Session) -> Bool {
    linesSinceCheckpoint > 0 || !session.holdsTheSame(as: target)
  }

  func checkpoint(_ session: Session) throws(ProgressError) {
    saveAttempts += 1
    if failingSaves.contains(saveAttempts) {
      throw .writeFailed(path: "ana.json", reason: "No space left")
    }
    self.session = session.checkpointForm(keeping: self.session)
    linesSinceCheckpoint = 0
    saves += 1
  }
}

/// The command loop over a one-lesson course, writing into a transcript.
final class ShellFixture {
  static let lesson = Lesson(
    id: "grading", title: "Grading", order: 1, summary: "Grades.", objectives: ["Grade."],
    source: "ENETS",
    pages: [Page(title: "Ki-67", text: "The Ki-67 index sets the grade.", source: "WHO 2010")],
    questions: [
      Question(
        id: "g1", kind: .single, stem: "Ki-67 12 %: grade?",
        options: [
          Option(id: "a", text: "G1", explanation: "G1 is 2 % or less."),
          Option(id: "b", text: "G2", explanation: "3–20 % is G2."),
        ], key: ["b"], explanation: "Ki-67 sets the grade.", source: "WHO 2010")
    ])

  let session: MemorySession
  let source: ScriptedLines
  private(set) var out = ""
  private(set) var err = ""
  /// What went to the pager.
  private(set) var paged = ""
  /// Set to make standard output fail, as a reader that went away does.
  var outputStatus: Int32?
  /// The terminal's width at each screen, as a window resized between lines reports it;
  /// empty for a fixed 60 columns.
  var widths: [Int] = []

  init(_ events: [LineEvent]) {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    session = MemorySession(Session(learner: "ana", now: start))
    source = ScriptedLines(events)
  }

  convenience init(lines: [String]) {
    self.init(lines.map(LineEvent.line))
  }

  /// Runs the loop to its end, on a terminal or through a pipe; returns the exit status.
  func run(interactive: Bool) -> Int32 {
    let tutor = Tutor(
      course: Course(lessons: [Self.lesson]), session: session.session,
      clock: { Date(timeIntervalSince1970: 1_800_000_100) })
    let output = ShellOutput(
      out: { [unowned self] in out += $0 }, err: { [unowned self] in err += $0 },
      page: { [unowned self] in paged += $0 },
      failedStatus: { [unowned self] in outputStatus })
    let loop = ShellLoop(
      tutor: tutor, session: session, source: source,
      renderer: TextRenderer(width: 60, color: false), interactive: interactive, output: output,
      width: widths.isEmpty
        ? nil : { [unowned self] in widths.count > 1 ? widths.removeFirst() : widths[0] })
    return loop.run()
  }
}
