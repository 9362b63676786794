/// The result of `capacity compare`.
public struct RunComparison: Sendable, Equatable {
  public var baseline: Run
  public var candidate: Run
  /// Overall metrics first, then each endpoint both runs share, in baseline order.
  public var metrics: [MetricComparison]
  /// `regression` when any metric regressed; otherwise the overall metrics' strongest verdict.
  public var verdict: ComparisonVerdict
  public var notes: [String]
}
