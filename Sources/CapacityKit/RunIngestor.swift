import CapacityIngest
import CapacityModel
import CapacityPrometheus
import CapacityStore
import Foundation

/// Reads the inputs named on the command line and stores their runs.
///
/// Runs are what the store holds, so an analysis of fresh files and a later re-render from the
/// database see exactly the same values: a run already stored is read back, and a new one stands
/// for itself, because a run reads back equal to what was written (`RunHistoryTests` checks that
/// on every input format and both backends).
public struct RunIngestor: Sendable {
  /// What an ingest did.
  public struct Outcome: Sendable {
    /// Every run the inputs stand for, as the store holds it, in input order.
    public var runs: [Run] = []
    /// Names of runs stored by this ingest, and of those that were already there.
    public var added: [String] = []
    public var alreadyStored: [String] = []
    /// The runs this ingest adds to the store (written while `whileStoring`'s body runs).
    public var addedRuns: [Run] = []
    /// Files met while walking directories that match no supported format.
    public var skipped: [String] = []
    /// Resource files among the inputs, loaded back from the store, in input order.
    public var resources: [ResourceFile] = []
    /// Warnings of the Prometheus fetch (`--prometheus`): default queries without data, series
    /// the parser could not read.
    public var fetchWarnings: [String] = []
  }

  public let store: any RunHistory

  public init(store: any RunHistory) {
    self.store = store
  }

  /// - Parameter now: recorded as the ingest time of new runs; never part of a report.
  /// - Parameter prometheus: fetches the runs' resource samples from a server, stored with them.
  public func ingest(
    _ paths: [String], now: Date, rawLogs: RawLogRunBuilder = RawLogRunBuilder(),
    prometheus: PrometheusFetcher? = nil
  ) throws -> Outcome {
    try ingest(paths, now: now, rawLogs: rawLogs, prometheus: prometheus) { _ in }.outcome
  }

  /// `ingest`, with `body` given the outcome while the new runs are written: the write (0.05 s
  /// for a million requests) overlaps the analysis instead of coming before it. Returns once
  /// both are done; a failed write throws even when `body` succeeded, so `body` should make its
  /// results, not publish them (`analyze` writes the report files after this returns).
  public func ingest<Result>(
    _ paths: [String], now: Date, rawLogs: RawLogRunBuilder = RawLogRunBuilder(),
    prometheus: PrometheusFetcher? = nil, whileStoring body: (Outcome) throws -> Result
  ) throws -> (outcome: Outcome, result: Result) {
    rawLogs.progress?.phase(.parsing, subject: paths.joined(separator: " "))
    let collection = try InputCollector().collect(paths)
    var outcome = Outcome(skipped: collection.skipped)
    let resourceFiles = collection.files.filter { ResourceFileReader.isResource($0.kind) }
    outcome.resources = try ResourceIngestor(store: store).ingest(resourceFiles, now: now)
    let runs =
      try LocustRunAssembler().assemble(
        collection.files.filter { !ResourceFileReader.isResource($0.kind) && !$0.kind.isRawLog })
      + rawLogs.build(collection.files.filter(\.kind.isRawLog))
    rawLogs.progress?.phase(.storing, subject: runs.count == 1 ? "1 run" : "\(runs.count) runs")
    try place(runs, in: &outcome)
    let write = StoreWrite(store: store, runs: outcome.addedRuns, ingestedAt: now)
    let result = try Concurrently.alongside(write.run) {
      if let prometheus {
        try write.wait()
        let fetched = try PrometheusIngestor(store: store, fetcher: prometheus).ingest(outcome.runs, now: now)
        outcome.resources += fetched.resources
        outcome.fetchWarnings = fetched.warnings
      }
      let result = try body(outcome)
      // Whatever of the write is left is time spent storing.
      let count = outcome.addedRuns.count
      rawLogs.progress?.phase(.storing, subject: count == 1 ? "1 run" : "\(count) runs")
      return result
    }
    try write.wait()
    return (outcome, result)
  }

  /// Sorts the runs into new ones (to be written, handed on as they are) and stored ones (read
  /// back, their request marks added when the stored copy lacks them).
  private func place(_ runs: [Run], in outcome: inout Outcome) throws {
    for run in runs {
      // A run met twice in one ingest is new once, and written by the first.
      if let first = outcome.addedRuns.first(where: { $0.id == run.id }) {
        outcome.alreadyStored.append(run.name)
        var again = first
        again.name = run.name
        outcome.runs.append(again)
      } else if try !store.containsRun(id: run.id) {
        outcome.added.append(run.name)
        outcome.runs.append(run)
        outcome.addedRuns.append(run)
      } else {
        outcome.alreadyStored.append(run.name)
        try store.addRequestMarks(of: run)
        var stored = try store.run(id: run.id)
        // The name reflects this invocation's grouping (a folder prefix when names clash).
        stored.name = run.name
        outcome.runs.append(stored)
      }
    }
  }
}
