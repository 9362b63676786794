/// Every threshold the run analysis uses, with the defaults of DESIGN.md §3.
public struct AnalysisThresholds: Sendable, Equatable {
  /// Service-level objective: p95 latency in milliseconds.
  public var sloP95Ms: Double = 500
  /// Service-level objective: failed requests ÷ requests.
  public var sloErrorRate: Double = 0.01
  /// APDEX target time T, milliseconds (`--apdex-t`); `nil` takes the p95 objective ÷ 4.
  public var apdexThresholdMs: Double? = nil
  /// INVALID when at least this share of requests failed …
  public var invalidFailureShare: Double = 0.5
  /// … and at least this share of the failures are connection-level.
  public var connectionLevelShare: Double = 0.5
  /// INVALID whatever the cause when at least this share of requests failed.
  public var nearlyAllFailing: Double = 0.95
  /// INVALID below this many requests or seconds: too little to say anything.
  public var minimumRequests: Int64 = 50
  public var minimumDurationSeconds: Double = 10
  /// DEGRADED below this many requests or seconds.
  public var shortRunRequests: Int64 = 200
  public var shortRunSeconds: Double = 30
  /// Steady state: the share dropped from the start of each load step, and what a step needs.
  public var stepWarmupFraction: Double = 0.15
  public var stepMinimumSeconds: Double = 30
  public var stepMinimumRequests: Int64 = 200
  /// Stretches at one user count shorter than this many history ticks are ramps, not steps.
  public var stepMinimumTicks = 5
  /// Saturation (CAPACITY-MATH.md §2.2, §7): the plateau rule trips when a step's throughput gain
  /// per user falls below this share of the initial slope X₁/N₁ …
  public var plateauFraction: Double = 0.25
  /// … and "throughput falling" when a step carries less than the previous one by more than this
  /// share (measurement noise).
  public var retrogradeTolerance: Double = 0.05
  /// A Kneedle knee is trusted when a rule trips within this many steps of it.
  public var kneeAgreementSteps: Int = 1
  /// Kneedle sensitivity S.
  public var kneeSensitivity: Double = 1
  /// Residual-bootstrap replicates and seed for the interval of N*.
  public var bootstrapReplicates: Int = 1_000
  public var bootstrapSeed: UInt64 = 20_111_129
  /// The USL fit is trusted beyond the measured steps only while the forecast check (fit on the
  /// lighter half, predict the heavier half) misses by at most this mean relative error.
  public var forecastErrorLimit: Double = 0.15
  /// Why an objective was missed (SLOCauseClassifier): the failing (or slow) endpoints are
  /// "concentrated" when they are at most this share of the endpoints …
  public var causeEndpointShare: Double = 1.0 / 3.0
  /// … and hold at least this share of the failures (or are the only ones above the p95 objective).
  public var causeFailureShare: Double = 0.8
  /// The bottleneck is saturated at or above this utilisation (CPU mean of the host, or of the
  /// processes when nothing else is measured) …
  public var saturatedUtilisation: Double = 0.8
  /// … and well below saturation under this one.
  public var idleUtilisation: Double = 0.7

  public init() {}
}
