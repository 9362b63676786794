import CapacityModel

/// The result of `capacity compare`.
public struct RunComparison: Sendable, Equatable {
  public var baseline: Run
  public var candidate: Run
  /// Overall metrics first, then each endpoint both runs share, in baseline order.
  public var metrics: [MetricComparison]
  /// The overall (primary) metrics' strongest verdict; per-endpoint rows never change it.
  public var verdict: ComparisonVerdict
  /// What the windows were cut from, and their length in seconds.
  public var windowBasis: WindowBasis
  public var windowSeconds: Int64
  public var notes: [String]
}

/// Where `compare` takes its windows from.
public enum WindowBasis: String, Sendable, Codable {
  /// The tool's history (Locust's 1 s rows, whose percentiles cover ~10 s).
  case history
  /// Every request of a raw log, counted into short windows at ingest.
  case requests
}
