/// Parameters of `capacity compare` (CAPACITY-MATH.md §5).
public struct ComparisonSettings: Sendable, Equatable {
  /// Window length for runs compared on their history (Locust); raw logs use the 5 s windows kept
  /// at ingest.
  public var windowSeconds: Int64 = 10
  /// Fewer windows than this on either side makes a metric inconclusive.
  public var minimumWindows = 5
  /// Smallest relative change that counts, 0…1.
  public var practicalThreshold = 0.05
  /// Significance level of each family, after its correction.
  public var alpha = 0.05
  /// Correction of the overall metrics (family-wise error) and of the per-endpoint rows (FDR).
  public var primaryCorrection = MultipleTesting.holm
  public var secondaryCorrection = MultipleTesting.benjaminiHochberg
  public var blockLength = 3
  public var resamples = 10_000
  public var seed: UInt64 = 42

  public init() {}
}
