/// Request statistics of one endpoint (or of the whole run) as a tool reported them.
public struct EndpointStats: Sendable, Equatable, Codable {
  /// HTTP method or custom request type; empty for a total row.
  public var method: String
  public var name: String
  public var requests: Int64
  public var failures: Int64
  /// Latencies in milliseconds; `nil` where the tool wrote `N/A`.
  public var medianMs: Double?
  public var averageMs: Double?
  public var minMs: Double?
  public var maxMs: Double?
  /// Mean response size in bytes.
  public var averageContentBytes: Double?
  /// Requests per second over the tool's own time base.
  public var requestsPerSecond: Double
  public var failuresPerSecond: Double
  /// The percentiles the tool reported, ascending by quantile.
  public var percentiles: [PercentileValue]

  public init(
    method: String, name: String, requests: Int64, failures: Int64, medianMs: Double? = nil,
    averageMs: Double? = nil, minMs: Double? = nil, maxMs: Double? = nil,
    averageContentBytes: Double? = nil, requestsPerSecond: Double = 0, failuresPerSecond: Double = 0,
    percentiles: [PercentileValue] = []
  ) {
    self.method = method
    self.name = name
    self.requests = requests
    self.failures = failures
    self.medianMs = medianMs
    self.averageMs = averageMs
    self.minMs = minMs
    self.maxMs = maxMs
    self.averageContentBytes = averageContentBytes
    self.requestsPerSecond = requestsPerSecond
    self.failuresPerSecond = failuresPerSecond
    self.percentiles = percentiles
  }

  /// The reported value at `quantile` (0…1), if the tool reported that quantile.
  public func percentile(_ quantile: Double) -> Double? {
    percentiles.first { abs($0.quantile - quantile) < 1e-9 }?.valueMs
  }
}

/// A latency percentile: `quantile` in 0…1 and its value in milliseconds (`nil` for `N/A`).
public struct PercentileValue: Sendable, Equatable, Codable {
  public var quantile: Double
  public var valueMs: Double?

  public init(quantile: Double, valueMs: Double?) {
    self.quantile = quantile
    self.valueMs = valueMs
  }
}
