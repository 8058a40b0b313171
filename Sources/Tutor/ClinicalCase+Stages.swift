import Course

extension ClinicalCase {
  /// The stage that holds step `index` (counting every step of every stage).
  func stageIndex(ofStep index: Int) -> Int {
    var first = 0
    for (stageIndex, stage) in stages.enumerated() {
      if index < first + stage.steps.count { return stageIndex }
      first += stage.steps.count
    }
    return max(0, stages.count - 1)
  }

  /// Whether step `index` is the first one asked after its stage's story.
  func startsStage(_ index: Int) -> Bool {
    var first = 0
    for stage in stages {
      if index == first { return true }
      first += stage.steps.count
      if index < first { return false }
    }
    return false
  }
}
