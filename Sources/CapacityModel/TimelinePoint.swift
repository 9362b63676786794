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
  /// Raw request logs: p50, p95 and p99 of the fixed time window (10 s) holding this tick, from
  /// log-scale buckets (≤ 1.6 % off); empty for Locust, whose `percentiles` are already windowed.
  public var windowPercentiles: [PercentileValue] = []

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

  /// The latency at `quantile` over the window around this tick: the tool's windowed percentile
  /// (Locust full history) or the raw log's window bucket; `nil` when the history has neither.
  public func windowed(_ quantile: Double, in kind: HistoryKind) -> Double? {
    switch kind {
    case .currentWindow: percentile(quantile)
    case .perSecond: windowPercentiles.first { abs($0.quantile - quantile) < 1e-9 }?.valueMs
    case .cumulative, .none: nil
    }
  }

  /// The value at `quantile` (0…1) at this tick, if known.
  public func percentile(_ quantile: Double) -> Double? {
    percentiles.first { abs($0.quantile - quantile) < 1e-9 }?.valueMs
  }
}
