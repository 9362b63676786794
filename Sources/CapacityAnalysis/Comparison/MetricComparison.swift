/// One metric of one scope (the whole run, or an endpoint) compared between two runs.
public struct MetricComparison: Sendable, Equatable {
  /// `overall`, or `METHOD name` of an endpoint.
  public var scope: String
  public var metric: ComparedMetric
  /// Primary (overall: decides the verdict) or secondary (per endpoint).
  public var family: TestFamily
  public var baselineWindows: Int
  public var candidateWindows: Int
  public var baselineMean: Double?
  public var candidateMean: Double?
  /// (candidate − baseline) ÷ baseline, and its bootstrap CI; `nil` when not computable.
  public var change: Double?
  public var changeInterval: ClosedRange<Double>?
  /// The U test's own p-value, and how it was found.
  public var pValue: Double?
  public var test: MannWhitneyU.Method?
  /// The p-value corrected for the other tests of its family; `nil` when the metric was not tested
  /// (too few windows).
  public var adjustedPValue: Double?
  public var verdict: ComparisonVerdict
}

/// Which family of tests a metric belongs to, and so which correction applies.
public enum TestFamily: String, Sendable, Codable {
  /// The overall p50, p95 and throughput: alone they decide the verdict and the exit status.
  case primary
  /// The per-endpoint rows: shown, corrected separately, never decide.
  case secondary
}

/// The per-window metrics `compare` tests.
public enum ComparedMetric: String, Sendable, Codable, CaseIterable {
  case p50Ms = "p50_ms"
  case p95Ms = "p95_ms"
  case throughputRps = "throughput_rps"

  /// Latency is worse when it rises, throughput when it falls.
  package var higherIsWorse: Bool { self != .throughputRps }

  package func value(of window: MetricWindow) -> Double? {
    switch self {
    case .p50Ms: window.p50
    case .p95Ms: window.p95
    case .throughputRps: window.throughput
    }
  }
}
