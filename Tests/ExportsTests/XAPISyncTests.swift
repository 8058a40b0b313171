import Clinical
import Course
import Foundation
import Progress
import Testing

@testable import Exports

/// A store that behaves as ralph does: a batch with an id it holds under other content is
/// refused whole (409); a batch it holds entirely is 204; otherwise the new ones are stored
/// (200). `script` forces the next answers (a status, or no answer at all).
final class FakeStore: LRSTransport {
  enum Forced { case status(Int, retryAfter: Double? = nil), unreachable, storeThenUnreachable }
  var stored: [String: [String: Any]] = [:]
  var order: [String] = []
  var script: [Forced] = []
  var requests: [LRSRequest] = []
  /// Compare the definitions too (as ralph does), not only the event.
  var strict = true

  func send(_ request: LRSRequest) throws(LRSUnreachable) -> LRSResponse {
    requests.append(request)
    var storeThenFail = false
    if !script.isEmpty {
      switch script.removeFirst() {
      case .status(let status, let retryAfter):
        return LRSResponse(status: status, retryAfter: retryAfter)
      case .unreachable: throw LRSUnreachable(reason: "Connection refused")
      case .storeThenUnreachable: storeThenFail = true
      }
    }
    if request.method == .get {
      guard let id = request.query["statementId"], let statement = stored[id],
        let body = try? JSONSerialization.data(withJSONObject: statement)
      else { return LRSResponse(status: 404) }
      return LRSResponse(status: 200, body: body)
    }
    guard let body = request.body,
      let batch = try? JSONSerialization.jsonObject(with: body) as? [[String: Any]]
    else { return LRSResponse(status: 400) }
    var new: [[String: Any]] = []
    for statement in batch {
      let id = statement["id"] as? String ?? ""
      if let old = stored[id] {
        let same = strict ? Self.canonical(old) == Self.canonical(statement) : true
        if !same { return LRSResponse(status: 409) }
      } else {
        new.append(statement)
      }
    }
    for statement in new {
      let id = statement["id"] as? String ?? ""
      stored[id] = statement
      order.append(id)
    }
    if storeThenFail { throw LRSUnreachable(reason: "Connection reset by peer") }
    return LRSResponse(status: new.isEmpty ? 204 : 200)
  }

  static func canonical(_ value: Any) -> Data? {
    try? JSONSerialization.data(withJSONObject: value, options: .sortedKeys)
  }
}

/// Passes `successes` requests to a store, then answers 503 to every other.
struct FailingAfter: LRSTransport {
  let store: FakeStore
  let successes: Int
  let count = Counter()

  init(_ store: FakeStore, successes: Int) {
    self.store = store
    self.successes = successes
  }

  final class Counter { var value = 0 }

  func send(_ request: LRSRequest) throws(LRSUnreachable) -> LRSResponse {
    count.value += 1
    return count.value <= successes ? try store.send(request) : LRSResponse(status: 503)
  }
}

@Suite("nelm sync")
struct XAPISyncTests {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("nelm-sync-\(UUID().uuidString)")
  var stateFile: URL { directory.appendingPathComponent("ana.sync") }

  init() throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  static func answers(_ count: Int, from start: Int = 0) -> [Answer] {
    (start..<start + count).map {
      Answer(
        item: "grading/g\($0 % 3 + 1)", response: ["b"], correct: $0 % 2 == 0,
        at: ExportFixture.time(Double($0)), durationMs: 1000, hintsUsed: 0)
    }
  }

  static func record(_ answers: [Answer], completed: Bool = false) -> LearnerRecord {
    var session = Session(learner: "ana", now: ExportFixture.time(-100))
    if completed {
      session.lessons["grading"] = LessonProgress(
        position: 5, completed: true, started: ExportFixture.time(-100),
        updated: ExportFixture.time(1000))
    }
    return LearnerRecord(learner: "ana", session: session, answers: answers)
  }

  func sync(_ store: FakeStore, batch: Int = 3, attempts: Int = 3) -> XAPISync {
    var sync = XAPISync(transport: store, endpoint: "http://lrs.test/xAPI/", stateFile: stateFile)
    sync.options.batchSize = batch
    sync.options.attempts = attempts
    sync.wait = { _ in }
    return sync
  }

  func builder(_ course: Course = ExportFixture.course) -> XAPIStatementBuilder {
    XAPIStatementBuilder(course: course, settings: XAPIExportTests.settings)
  }

  func state() throws -> XAPISyncState.Store {
    try #require(try XAPISyncState.read(stateFile).stores["http://lrs.test/xAPI/"])
  }

  @Test func twoSyncsSendEachStatementOnceAndRecordTheOffset() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = FakeStore()
    let first = sync(store)
    let report = try first.run(
      Self.record(Self.answers(7)), course: ExportFixture.course, builder: builder())
    #expect(report == XAPISync.Report(sent: 7, total: 7, offset: 700))
    #expect(store.requests.count == 3)  // 3 + 3 + 1
    var edited = ExportFixture.course
    edited.lessons[0].title = "Renamed"
    let more = Self.record(Self.answers(7) + Self.answers(4, from: 7), completed: true)
    let second = try first.run(more, course: edited, builder: builder(edited))
    #expect(second.sent == 5)  // four answers and the completion
    #expect(store.stored.count == 12 && store.order.count == 12)
    #expect(try state().offset == 1100 && state().completions.count == 1 && state().pending == nil)
    let third = try first.run(more, course: edited, builder: builder(edited))
    #expect(third.sent == 0 && store.order.count == 12)
  }

  @Test func aFailingStoreStopsTheSyncAndTheNextOneResumes() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = FakeStore()
    let sync = sync(store, batch: 2, attempts: 2)
    let record = Self.record(Self.answers(6))
    // The first batch is stored; the second meets two answers of "try later".
    #expect(
      throws: XAPISyncError.unavailable(
        endpoint: "http://lrs.test/xAPI/", attempts: 2, last: "HTTP 503")
    ) {
      var failing = sync
      failing.transport = FailingAfter(store, successes: 1)
      try failing.run(record, course: ExportFixture.course, builder: builder())
    }
    let cut = try state()
    #expect(cut.offset == 200 && cut.pending?.count == 2 && store.order.count == 2)
    let resumed = try sync.run(record, course: ExportFixture.course, builder: builder())
    #expect(resumed.sent == 4 && resumed.total == 4)
    #expect(store.order.count == 6)
  }

  @Test func aBatchTheStoreKeptWithoutSayingSoGoesAgainAsItWas() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = FakeStore()
    store.script = [.storeThenUnreachable, .unreachable]
    let sync = sync(store, batch: 4, attempts: 2)
    let record = Self.record(Self.answers(6))
    #expect(throws: XAPISyncError.self) {
      try sync.run(record, course: ExportFixture.course, builder: builder())
    }
    let pending = try state().pending
    #expect(store.order.count == 4 && pending?.count == 4)
    // The course changes before the next sync: the pending batch still goes as it was, and
    // the strict store, which has it, answers 204.
    var edited = ExportFixture.course
    edited.lessons[0].questions[0].stem = "Changed"
    let report = try sync.run(record, course: edited, builder: builder(edited))
    #expect(report.sent == 6 && store.order.count == 6)
  }

  @Test func aConflictOnTheSameEventIsSettledAndAnyOtherIsReported() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    // A store holding the first statements with an older course's text answers 409 to the
    // whole batch; the same events are fine, and the missing ones are sent on their own.
    let store = FakeStore()
    var old = ExportFixture.course
    old.lessons[0].questions[1].stem = "Old text"
    let record = Self.record(Self.answers(3))
    let older = XAPIStatementBuilder(course: old, settings: XAPIExportTests.settings)
      .statements(
        for: try XAPIExport.events(
          of: LearnerRecord(
            learner: "ana", session: nil, answers: Array(Self.answers(3).prefix(2))), course: old))
    for statement in older {
      let object = try #require(statement.foundationObject as? [String: Any])
      store.stored[object["id"] as? String ?? ""] = object
      store.order.append(object["id"] as? String ?? "")
    }
    let sync = sync(store, batch: 10)
    let report = try sync.run(record, course: ExportFixture.course, builder: builder())
    #expect(report.sent == 3 && store.order.count == 3)
    // A different event under one of our ids is a conflict, and nothing is recorded past it.
    try? FileManager.default.removeItem(at: stateFile)
    let other = FakeStore()
    var forged = try #require(
      builder().statements(for: try XAPIExport.events(of: record, course: ExportFixture.course))[0]
        .foundationObject as? [String: Any])
    forged["result"] = ["success": true]
    other.stored[forged["id"] as? String ?? ""] = forged
    var second = sync
    second.transport = other
    #expect(
      throws: XAPISyncError.conflict(
        endpoint: "http://lrs.test/xAPI/", id: forged["id"] as? String ?? "")
    ) {
      try second.run(record, course: ExportFixture.course, builder: builder())
    }
    #expect((try? XAPISyncState.read(stateFile).stores.first?.value.offset) ?? 0 == 0)
  }

  @Test func slowDownIsTriedAgainAfterTheWaitTheStoreAsks() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = FakeStore()
    store.script = [.status(429, retryAfter: 7), .unreachable]
    var sync = sync(store, batch: 10, attempts: 3)
    var waits: [Double] = []
    sync.wait = { waits.append($0) }
    _ = try sync.run(Self.record(Self.answers(2)), course: ExportFixture.course, builder: builder())
    #expect(waits == [7, 1])
    #expect(store.order.count == 2)
  }

  @Test func refusedCredentialsLeaveNothingPending() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = FakeStore()
    store.script = [.status(401)]
    let sync = sync(store)
    #expect(throws: XAPISyncError.unauthorized(endpoint: "http://lrs.test/xAPI/", status: 401)) {
      try sync.run(Self.record(Self.answers(2)), course: ExportFixture.course, builder: builder())
    }
    #expect(try state().pending == nil && state().offset == 0)
  }
}
