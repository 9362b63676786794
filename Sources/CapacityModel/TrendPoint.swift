import Foundation

/// One stored run of a scenario, reduced to the figures its trend shows.
public struct TrendPoint: Sendable, Equatable {
  public var runID: String
  public var startedAt: Date?
  public var requests: Int64
  public var failures: Int64
  /// Requests per second as the tool computed them.
  public var requestsPerSecond: Double
  /// The tool's run-wide p95, milliseconds.
  public var p95Ms: Double?

  /// The point of a run held in memory, equal to the one its stored copy gives; `nil` without
  /// a total row (a trend lists only runs with one).
  package init?(run: Run) {
    guard let total = run.total else { return nil }
    self.init(
      runID: run.id, startedAt: run.startedAt, requests: total.requests, failures: total.failures,
      requestsPerSecond: total.requestsPerSecond, p95Ms: Self.p95(of: total.percentiles))
  }

  /// The p95 among a total's percentiles.
  package static func p95(of percentiles: [PercentileValue]) -> Double? {
    percentiles.first { abs($0.quantile - 0.95) < 1e-9 }?.valueMs
  }

  public var errorRate: Double { requests > 0 ? Double(failures) / Double(requests) : 0 }

  package init(
    runID: String, startedAt: Date? = nil, requests: Int64, failures: Int64, requestsPerSecond: Double,
    p95Ms: Double? = nil
  ) {
    self.runID = runID
    self.startedAt = startedAt
    self.requests = requests
    self.failures = failures
    self.requestsPerSecond = requestsPerSecond
    self.p95Ms = p95Ms
  }
}
