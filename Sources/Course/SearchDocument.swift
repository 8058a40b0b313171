/// One searchable item of the course: a lesson page, a question, or a stage of a case.
///
/// Its text is the heading (a page's or stage's title, searched but not shown in snippets)
/// followed by the body; `bodyStart` is the first word of the body.
struct SearchDocument: Sendable {
  var place: SearchHit.Place
  /// The heading and the body as written.
  var text: String
  /// The folded words of `text`, each followed by `separator`. One string rather than an
  /// array of words with their ranges: the index of the whole course is kept for the rest of
  /// the session, and this takes about a quarter of the memory. A hit's ranges are found
  /// again from `text` (`SearchText.words(of:)`).
  var folded: String
  /// The index in the words of `text` of the first word of the body.
  var bodyStart: Int

  /// Ends each folded word: a control character, which no word holds and which always
  /// ends a grapheme, so splitting on it gives back the words exactly.
  static let separator: Character = "\u{1F}"
  private static let separatorByte: UInt8 = 0x1F

  init(place: SearchHit.Place, heading: String, body: [String]) {
    let heading = heading.isEmpty ? "" : heading + "\n\n"
    self.place = place
    self.text = heading + body.joined(separator: " · ")
    var folded = ""
    folded.reserveCapacity(text.utf8.count)
    for word in SearchText.words(of: text) {
      folded += word.folded
      folded.append(Self.separator)
    }
    self.folded = folded
    self.bodyStart = SearchText.words(of: heading).count
  }

  /// How many words of `text` match the folded query word `word`
  /// (`CourseIndex.word(_:matches:)`). Walks the bytes of `folded`: an ASCII word is compared
  /// byte for byte, which is what `String` comparison gives for ASCII; any other goes
  /// through `String`.
  func count(matching word: String) -> Int {
    let query = Array(word.utf8)
    let queryIsASCII = query.allSatisfy { $0 < 0x80 }
    let whole = word.allSatisfy(\.isNumber)
    var folded = folded
    return folded.withUTF8 { bytes in
      var count = 0
      var start = 0
      var isASCII = true
      for index in bytes.indices {
        let byte = bytes[index]
        guard byte == Self.separatorByte else {
          isASCII = isASCII && byte < 0x80
          continue
        }
        let token = UnsafeBufferPointer(rebasing: bytes[start..<index])
        let matches =
          isASCII && queryIsASCII
          ? (whole ? token.elementsEqual(query) : token.starts(with: query))
          : CourseIndex.word(String(decoding: token, as: UTF8.self), matches: word)
        if matches { count += 1 }
        start = index + 1
        isASCII = true
      }
      return count
    }
  }

  /// Every page, question and case stage of `course`, in course order: each lesson's pages,
  /// then its questions, then the cases by id.
  static func documents(of course: Course) -> [SearchDocument] {
    var documents: [SearchDocument] = []
    for (index, lesson) in course.lessons.enumerated() {
      let number = index + 1
      for (pageIndex, page) in lesson.pages.enumerated() {
        let place = SearchHit.Place.page(
          lesson: number, lessonID: lesson.id, page: pageIndex + 1, title: page.title)
        documents.append(SearchDocument(place: place, heading: page.title, body: [page.text]))
      }
      for question in lesson.questions {
        // The hint is left out: it would lead a search straight to the answer's wording.
        let body =
          [question.stem] + question.options.flatMap { [$0.text, $0.explanation] }
          + [question.explanation]
        let place = SearchHit.Place.question(id: question.id, lesson: number, lessonID: lesson.id)
        documents.append(SearchDocument(place: place, heading: "", body: body))
      }
    }
    for clinicalCase in course.cases {
      for (index, stage) in clinicalCase.stages.enumerated() {
        let place = SearchHit.Place.caseStage(
          caseID: clinicalCase.id, stage: index + 1, title: stage.title)
        // Every stage carries the case's title, so a search may combine it with the stage.
        let heading = clinicalCase.title + " · " + stage.title
        let body = [stage.text] + stage.steps.compactMap(\.points)
        documents.append(SearchDocument(place: place, heading: heading, body: body))
      }
    }
    return documents
  }
}
