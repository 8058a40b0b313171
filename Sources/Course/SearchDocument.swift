/// One searchable item of the course: a lesson page, a question, or a stage of a case.
///
/// Its text is the heading (a page's or stage's title, searched but not shown in snippets)
/// followed by the body; `bodyStart` is the first word of the body.
struct SearchDocument: Sendable {
  var place: SearchHit.Place
  var text: SearchText
  /// The index in `text.words` of the first word of the body.
  var bodyStart: Int

  init(place: SearchHit.Place, heading: String, body: [String]) {
    let heading = heading.isEmpty ? "" : heading + "\n\n"
    self.place = place
    self.text = SearchText(heading + body.joined(separator: " · "))
    self.bodyStart = SearchText.words(of: heading).count
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
