import Clinical
import Foundation

/// libFuzzer target `case-facts`: the bytes `nelm solve` reads (case facts as JSON). Facts
/// that parse go through the whole engine and its report; the rest must give problems.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaseFacts(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(UnsafeBufferPointer(start: start, count: count))
  switch CaseFactsParser.parse(json: data) {
  case .success(let facts):
    let assessment = ClinicalEngine.assess(facts)
    _ = String(describing: assessment)
  case .failure(let errors):
    _ = String(describing: errors)
  }
  return 0
}
