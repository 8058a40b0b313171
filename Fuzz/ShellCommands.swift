import Course
import Foundation
import Progress
import Tutor

/// The course the commands run against: `$NELM_FUZZ_LESSONS`, else `Lessons`.
let fuzzCourse: Course = {
  let directory = ProcessInfo.processInfo.environment["NELM_FUZZ_LESSONS"] ?? "Lessons"
  do {
    return try CourseLoader.load(from: directory)
  } catch {
    fatalError("cannot load the course from \(directory): \(error)")
  }
}()

/// libFuzzer target `shell-commands`: the bytes as lines typed into a fresh tutor (`^C` is
/// Ctrl-C), each reply rendered as the shell would on a pipe, with Tab completion asked for
/// every line. No input may crash it, and nothing rendered may hold an escape or C0/C1
/// control character other than a newline.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShellCommands(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
  let now = Date(timeIntervalSince1970: 1_800_000_000)
  var tutor = Tutor(course: fuzzCourse, session: Session(learner: "ana", now: now))
  let renderer = TextRenderer(width: 80, color: false)
  for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(64) {
    _ = tutor.completions(for: String(line))
    let reply = line == "^C" ? tutor.interrupt() : tutor.accept(String(line))
    _ = tutor.takeUnsavedAnswers()
    let shown = renderer.render(reply.blocks)
    if shown.unicodeScalars.contains(where: {
      $0 != "\n" && ($0.value < 0x20 || (0x7F..<0xA0).contains($0.value))
    }) {
      fatalError("a control character reached the output: \(shown.debugDescription)")
    }
    if reply.quit { break }
  }
  return 0
}
