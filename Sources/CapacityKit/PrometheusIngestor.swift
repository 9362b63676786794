import CapacityModel
import CapacityPrometheus
import CapacityStore
import Foundation

/// Fetches the runs' resource samples from Prometheus and stores each answer like an imported
/// file, keyed by the hash of its query and answer: fetching the same data again stores nothing,
/// and `capacity report` finds the samples later without the server. Files come back from the
/// store, as `ResourceIngestor`'s do.
public struct PrometheusIngestor: Sendable {
  public let store: any RunHistory
  public let fetcher: PrometheusFetcher

  public init(store: any RunHistory, fetcher: PrometheusFetcher) {
    self.store = store
    self.fetcher = fetcher
  }

  /// What the fetch stored, read back, and the warnings to show.
  public struct Outcome: Sendable {
    public var resources: [ResourceFile] = []
    public var warnings: [String] = []
    /// Answers that were stored before (the same query and answer).
    public var alreadyStored = 0
  }

  /// Fetches every query over each run's span plus the margin; runs without a start time are
  /// left out (they have no window).
  public func ingest(_ runs: [Run], now: Date) throws -> Outcome {
    let spans = runs.compactMap { run -> ClosedRange<Double>? in
      guard let start = run.startedAt?.timeIntervalSince1970 else { return nil }
      return start...max(start, (run.endedAt ?? run.startedAt)?.timeIntervalSince1970 ?? start)
    }
    var outcome = Outcome()
    guard !spans.isEmpty else {
      outcome.warnings.append(
        "warning: --prometheus \(fetcher.endpoint.shown): no run has a start time, so there is no window to fetch"
      )
      return outcome
    }
    let fetch = try fetcher.fetch(try fetcher.windows(for: spans, now: now))
    outcome.warnings = fetch.warnings
    var seen = Set<String>()
    for file in fetch.files where seen.insert(file.source.sha256).inserted {
      if !(try store.insert(file, ingestedAt: now)) { outcome.alreadyStored += 1 }
      if let stored = try store.resourceFile(sha256: file.source.sha256) { outcome.resources.append(stored) }
    }
    return outcome
  }
}
