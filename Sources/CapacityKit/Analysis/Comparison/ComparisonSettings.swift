/// Parameters of `capacity compare` (CAPACITY-MATH.md §5).
public struct ComparisonSettings: Sendable, Equatable {
  public var windowSeconds: Int64 = 10
  /// Fewer windows than this on either side makes a metric inconclusive.
  public var minimumWindows = 5
  /// Smallest relative change that counts, 0…1.
  public var practicalThreshold = 0.05
  /// Significance level of the Mann-Whitney U test.
  public var alpha = 0.05
  public var blockLength = 3
  public var resamples = 10_000
  public var seed: UInt64 = 42

  public init() {}
}
