import Clinical
import Course
import Foundation
import Progress

/// Sends a learner's new statements to a learning record store, in batches, and records how
/// far it got after each batch the store acknowledged, so that an interrupted sync resumes
/// where it stopped and no statement is sent as new twice (see `Docs/xapi.md`).
///
/// It reads the learner's files as `LearnerRecord.read` does, without the session's lock:
/// studying goes on meanwhile, and what is answered meanwhile goes with the next sync.
public struct XAPISync {
  /// How the sync behaves.
  public struct Options: Sendable {
    /// Statements a request.
    public var batchSize = 100
    /// Tries a request gets before the sync gives up (at least 1).
    public var attempts = 5
    /// The longest wait between two tries, in seconds.
    public var longestWait = 30.0

    /// The defaults.
    public init() {}
  }

  /// How far a sync got.
  public struct Report: Sendable, Equatable {
    /// Statements the store acknowledged in this run.
    public var sent = 0
    /// Statements this run had to send.
    public var total = 0
    /// The log offset the store now has everything up to.
    public var offset = 0
  }

  /// The store's requests go through this.
  public var transport: any LRSTransport
  /// The store's xAPI endpoint: the key of its state.
  public var endpoint: String
  /// The learner's sync state file (`XAPISyncState.url`).
  public var stateFile: URL
  /// Batch size, attempts and waits.
  public var options = Options()
  /// Waits between tries (a test passes one that does not sleep).
  public var wait: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }
  /// Called after each acknowledged batch.
  public var progress: (Report) -> Void = { _ in }

  /// A sync to `endpoint` through `transport`, recording its state in `stateFile`.
  public init(transport: any LRSTransport, endpoint: String, stateFile: URL) {
    self.transport = transport
    self.endpoint = endpoint
    self.stateFile = stateFile
  }

  /// Sends whatever of `record` the store does not have yet: first a batch left
  /// unacknowledged by an earlier run, exactly as it was, then the answers logged past the
  /// recorded offset and the completions not sent yet.
  public func run(_ record: LearnerRecord, course: Course, builder: XAPIStatementBuilder)
    throws(XAPISyncError) -> Report
  {
    var state = try XAPISyncState.read(stateFile)
    var store = state.stores[endpoint] ?? XAPISyncState.Store()
    let batches: [XAPISyncState.Batch]
    do {
      batches = try newBatches(record, course: course, builder: builder, store: store)
    } catch let error as ProgressError {
      throw .cannotRead(error)
    } catch {
      throw .cannotRead(.unreadable(path: record.learner, reason: "\(error)"))
    }
    var report = Report(offset: store.offset)
    report.total = batches.reduce(store.pending?.count ?? 0) { $0 + $1.count }
    progress(report)
    var queue = batches
    if let pending = store.pending { queue.insert(pending, at: 0) }
    for batch in queue {
      if store.pending != batch {
        store.pending = batch
        state.stores[endpoint] = store
        try state.write(to: stateFile)
      }
      do {
        try deliver(batch.statements)
      } catch {
        // A store that refused the batch did not keep it: the next run builds it afresh
        // (with the identity or course fixed meanwhile). One that might have kept it (no
        // answer, 5xx) gets it again as it is.
        if case .unavailable = error {
        } else {
          store.pending = nil
          state.stores[endpoint] = store
          try state.write(to: stateFile)
        }
        throw error
      }
      store.offset = max(store.offset, batch.offset)
      store.completions += batch.completions.filter { !store.completions.contains($0) }
      store.pending = nil
      state.stores[endpoint] = store
      try state.write(to: stateFile)
      report.sent += batch.count
      report.offset = store.offset
      progress(report)
    }
    return report
  }

  /// The batches of what the store does not have and is not pending: answers in log order,
  /// then completions.
  func newBatches(
    _ record: LearnerRecord, course: Course, builder: XAPIStatementBuilder,
    store: XAPISyncState.Store
  ) throws -> [XAPISyncState.Batch] {
    let offset = max(store.offset, store.pending?.offset ?? 0)
    let known = Set(store.completions + (store.pending?.completions ?? []))
    let entries = try record.allEntries()
    let first = entries.firstIndex { $0.start >= offset } ?? entries.count
    let answers = XAPIEvent.answers(entries[first...], after: entries[..<first])
    let completions = try XAPIEvent.completions(of: record, catalog: builder.catalog)
      .filter { !known.contains($0.key) }
    var events: [(XAPIEvent, offset: Int, key: String?)] = zip(answers, entries[first...]).map {
      ($0, $1.end, nil)
    }
    events += completions.map { (.completed($0), offset, $0.key) }
    var batches: [XAPISyncState.Batch] = []
    var start = 0
    let size = max(1, options.batchSize)
    while start < events.count {
      let slice = events[start..<min(start + size, events.count)]
      batches.append(
        XAPISyncState.Batch(
          offset: slice.map(\.offset).max() ?? offset, completions: slice.compactMap(\.key),
          count: slice.count, statements: builder.text(of: slice.map(\.0))))
      start += size
    }
    return batches
  }
}
