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
  init(locust stats: EndpointStats) {
    self.init(stats, method: .locustBuckets)
  }

  /// The figures of a stats row whose percentiles were obtained by `method`.
  init(_ stats: EndpointStats, method: PercentileMethod) {
    self.init(
      p50: stats.percentile(0.5) ?? stats.medianMs, p90: stats.percentile(0.9),
      p95: stats.percentile(0.95), p99: stats.percentile(0.99), p999: stats.percentile(0.999),
      mean: stats.averageMs, max: stats.maxMs, method: method)
  }
}

/// How a percentile was computed (`latency_ms.method` in `report.json`).
public enum PercentileMethod: String, Sendable, Codable {
  /// Locust's own figures: response times rounded to ~2 significant digits, ≤ 5 % error.
  case locustBuckets = "locust-buckets"
  /// Exact, linear interpolation between closest ranks (R-7, DuckDB `quantile_cont`).
  case exactR7 = "exact-r7"
  /// Mergeable HDR histogram with 3 significant digits.
  case hdr3 = "hdr-3"

  /// One sentence for the report's method notes.
  public var note: String {
    switch self {
    case .locustBuckets:
      "Percentiles are Locust's own: it rounds response times to about two significant digits "
        + "before counting (integer ms below 100 ms, 10 ms steps below 1 s, 100 ms steps below 10 s), "
        + "so they carry up to 5 % error and can exceed the exact maximum."
    case .exactR7:
      "Percentiles are exact, by linear interpolation between closest ranks (R-7, as numpy and "
        + "DuckDB quantile_cont)."
    case .hdr3: "Percentiles come from HDR histograms with 3 significant digits (≤ 0.1 % error)."
    }
  }
}
