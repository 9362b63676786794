import CapacityModel

/// The latency figures of a run or endpoint, in milliseconds, and how they were obtained.
public struct LatencySummary: Sendable, Equatable {
  public var p50: Double?
  public var p90: Double?
  public var p95: Double?
  public var p99: Double?
  public var p999: Double?
  public var mean: Double?
  public var max: Double?
  public var method: PercentileMethod

  public init(
    p50: Double? = nil, p90: Double? = nil, p95: Double? = nil, p99: Double? = nil,
    p999: Double? = nil, mean: Double? = nil, max: Double? = nil, method: PercentileMethod
  ) {
    self.p50 = p50
    self.p90 = p90
    self.p95 = p95
    self.p99 = p99
    self.p999 = p999
    self.mean = mean
    self.max = max
    self.method = method
  }

  /// The figures of a Locust stats row, unchanged: its percentiles are bucketed.
  package init(locust stats: EndpointStats) {
    self.init(stats, method: .locustBuckets)
  }

  /// The figures of a stats row whose percentiles were obtained by `method`.
  package init(_ stats: EndpointStats, method: PercentileMethod) {
    self.init(
      p50: stats.percentile(0.5) ?? stats.medianMs, p90: stats.percentile(0.9),
      p95: stats.percentile(0.95), p99: stats.percentile(0.99), p999: stats.percentile(0.999),
      mean: stats.averageMs, max: stats.maxMs, method: method)
  }
}
