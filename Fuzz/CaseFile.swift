import Foundation

@testable import Course

/// libFuzzer target `case-file`: the bytes of a clinical case file (`Lessons/cases/*.yaml`),
/// decoded with its stages, steps and answer keys. A case or a diagnostic, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaseFile(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
  let decoded = CaseDecoder.decode(yaml: text, file: "fuzz.yaml")
  if decoded.clinicalCase == nil && decoded.diagnostics.isEmpty {
    fatalError("neither a case nor a diagnostic")
  }
  if let item = decoded.clinicalCase {
    for step in item.steps { _ = step.answerKey() }
  }
  return 0
}
