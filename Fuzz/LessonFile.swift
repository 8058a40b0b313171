import Foundation

@testable import Course

/// libFuzzer target `lesson-file`: the bytes of a lesson file, decoded and checked as
/// `nelm lint` does. Every input must give a lesson or at least one diagnostic.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLessonFile(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
  let decoded = LessonDecoder.decode(yaml: text, file: "fuzz.yaml")
  if decoded.lesson == nil && decoded.diagnostics.isEmpty {
    fatalError("neither a lesson nor a diagnostic")
  }
  for diagnostic in decoded.diagnostics { _ = diagnostic.description }
  return 0
}
