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
