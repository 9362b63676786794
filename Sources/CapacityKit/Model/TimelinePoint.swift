/// One tick of a run's aggregate history (Locust writes one per second).
public struct TimelinePoint: Sendable, Equatable, Codable {
  /// Unix time, seconds.
  public var timestamp: Int64
  /// Simulated users active at this tick.
  public var users: Int
  /// Throughput and failure rate over the tool's window (Locust: ~10 s), per second.
  public var requestsPerSecond: Double
  public var failuresPerSecond: Double
  /// Percentiles at this tick; see `HistoryKind` for whether they are windowed or cumulative.
  public var percentiles: [PercentileValue]
  /// Cumulative counts since the start of the run.
  public var totalRequests: Int64
  public var totalFailures: Int64
  /// Mean response time of all requests so far, milliseconds (Locust `Total Average Response
  /// Time`); with the counts it gives the mean of any stretch, which Little's law needs.
  public var totalAverageMs: Double?

  public init(
    timestamp: Int64, users: Int, requestsPerSecond: Double, failuresPerSecond: Double,
    percentiles: [PercentileValue], totalRequests: Int64, totalFailures: Int64, totalAverageMs: Double? = nil
  ) {
    self.totalAverageMs = totalAverageMs
    self.timestamp = timestamp
    self.users = users
    self.requestsPerSecond = requestsPerSecond
    self.failuresPerSecond = failuresPerSecond
    self.percentiles = percentiles
    self.totalRequests = totalRequests
    self.totalFailures = totalFailures
  }

  /// The value at `quantile` (0…1) at this tick, if known.
  public func percentile(_ quantile: Double) -> Double? {
    percentiles.first { abs($0.quantile - quantile) < 1e-9 }?.valueMs
  }
}
