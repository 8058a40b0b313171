import Course
import Identifiers

/// The options of a check question or case step as the learner sees them: shuffled for this
/// learner and item (true/false stays as written), then lettered a, b, c…
///
/// Letters exist only on screen: answers are read into option ids, and ids are what is graded
/// and recorded.
struct ShownChoices: Equatable {
  /// One option on screen.
  struct Choice: Equatable {
    /// The option's id in the course (or the engine's value id for a case step).
    var id: String
    /// What the learner reads.
    var label: String
  }

  /// The options in the order shown: the first has letter a.
  var choices: [Choice]
  /// Whether several options may be chosen.
  var allowsSeveral: Bool
  /// Whether this is a true/false question (`t`, `f` are answers).
  var isTrueFalse = false

  /// The options of `question` of `lesson` as `learner` sees them.
  init(_ question: Question, of lesson: Lesson, learner: String) {
    let options = question.options.map { Choice(id: $0.id, label: $0.text) }
    let shuffle = question.kind != .trueFalse
    self.init(
      options, several: question.kind == .multiple, learner: learner,
      item: lesson.itemID(of: question), shuffle: shuffle)
    isTrueFalse = question.kind == .trueFalse
  }

  /// The choices of a case step's key as `learner` sees them.
  init(_ key: CaseAnswerKey, several: Bool, learner: String, item: ItemID) {
    self.init(
      key.choices.map { Choice(id: $0.id, label: $0.label) }, several: several,
      learner: learner, item: item, shuffle: true)
  }

  /// `options` in the order `learner` sees them for `item`, or as given when not `shuffle`.
  init(_ options: [Choice], several: Bool, learner: String, item: ItemID, shuffle: Bool) {
    let order =
      shuffle
      ? OptionOrder.permutation(count: options.count, learner: learner, item: item)
      : Array(options.indices)
    choices = order.map { options[$0] }
    allowsSeveral = several
  }

  /// The letter of the option at `index` on screen: a, b, c…
  static func letter(_ index: Int) -> String {
    String(UnicodeScalar(UInt8(97 + index % 26)))
  }

  /// The letters on screen, in order.
  var letters: [String] { choices.indices.map(Self.letter) }

  /// `a–d`: the range of letters on screen.
  var letterRange: String {
    guard let last = letters.last else { return "a" }
    return letters.count == 1 ? last : "a–\(last)"
  }

  /// The letter shown for the option `id`.
  func letter(of id: String) -> String? {
    choices.firstIndex { $0.id == id }.map(Self.letter)
  }

  /// `c) G2`: the option `id` as shown.
  func shown(_ id: String) -> String {
    guard let index = choices.firstIndex(where: { $0.id == id }) else { return id }
    return "\(Self.letter(index))) \(choices[index].label)"
  }

  /// The option with letter `letter`, if there is one.
  func id(ofLetter letter: String) -> String? {
    letters.firstIndex(of: letter).map { choices[$0].id }
  }
}
