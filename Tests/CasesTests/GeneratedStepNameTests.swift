import Cases
import Course
import Foundation
import Testing

@Suite("The names of generated steps")
struct GeneratedStepNameTests {
  @Test("every step of 300 generated cases gives back its kind from its name")
  func roundTrip() {
    var names: Set<String> = []
    for seed: UInt64 in 0..<300 {
      for step in CaseGenerator.generate(seed: seed).steps {
        #expect(GeneratedStepName.kind(of: step.id) == step.kind, "\(seed): \(step.id)")
        names.insert(step.id)
      }
    }
    // The names include what-ifs and repeated kinds, not only the plain form.
    #expect(names.contains { $0.hasPrefix("what-if-") })
    #expect(names.contains { $0.range(of: "-[0-9]+$", options: .regularExpression) != nil })
  }

  @Test(
    "a name that is not a step's gives no kind",
    arguments: ["", "-2", "what-if-", "grade-", "grade-x", "nodes", "before"])
  func notAName(_ id: String) {
    #expect(GeneratedStepName.kind(of: id) == nil)
  }
}
