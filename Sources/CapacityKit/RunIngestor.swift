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
    for run in runs {
      if try store.insert(run, ingestedAt: now) {
        outcome.added.append(run.name)
        outcome.runs.append(run)
        continue
      }
      outcome.alreadyStored.append(run.name)
      try store.addRequestMarks(of: run)
      var stored = try store.run(id: run.id)
      // The name reflects this invocation's grouping (a folder prefix when names clash).
      stored.name = run.name
      outcome.runs.append(stored)
    }
    if let prometheus {
      let fetched = try PrometheusIngestor(store: store, fetcher: prometheus).ingest(outcome.runs, now: now)
      outcome.resources += fetched.resources
      outcome.fetchWarnings = fetched.warnings
    }
    return outcome
  }
}
