import CapacityModel

/// Parameters of the recovery analysis, with the seed campaign's targets as defaults.
public struct RecoverySettings: Sendable, Equatable {
  /// Seconds before the event whose mean p95 and throughput are the baseline.
  public var baselineSeconds = 60.0
  /// Seconds after the event that are examined at most.
  public var horizonSeconds = 120.0
  /// A fault's window runs this long past its recovery, unless the next fault comes first; the
  /// service must also be clean (no failure, no abnormal gap) this long to count as recovered.
  public var settleSeconds = 10.0
  /// A baseline shorter than this is called out in the report.
  public var shortBaselineSeconds = 20.0
  /// Faults starting within this many seconds of each other share one window.
  public var simultaneousSeconds = 1.0
  /// Per-request data: gaps between successes up to this factor times the baseline's longest
  /// gap, and at least `minimumNormalGapSeconds`, are normal traffic.
  public var normalGapFactor = 2.0
  public var minimumNormalGapSeconds = 0.5
  /// p95 counts as recovered within this share above the baseline.
  public var p95Tolerance = 0.2
  /// … and must stay there this many seconds.
  public var holdSeconds = 5.0
  /// Ticks averaged for the throughput dip.
  public var throughputTicks = 5
  /// Default targets (seconds) by the kind of component hit.
  public var databaseOrCacheTarget = 30.0
  public var podTarget = 5.0

  public init() {}

  package static let databaseOrCache = [
    "postgres", "pgbouncer", "mysql", "maria", "redis", "memcache", "database", "db", "cache", "valkey",
  ]
  package static let pods = [
    "django", "web", "app", "api", "nginx", "pod", "gunicorn", "celery", "worker", "frontend",
  ]

  /// The target that applies to an event, and what it is judged on.
  package func target(for event: ChaosEvent) -> (seconds: Double, judgedOn: RecoveryResult.JudgedOn)? {
    let target = event.target.lowercased()
    let isStore = Self.databaseOrCache.contains { target.contains($0) }
    if let explicit = event.targetSeconds { return (explicit, isStore ? .recovery : .interruption) }
    if isStore { return (databaseOrCacheTarget, .recovery) }
    if Self.pods.contains(where: { target.contains($0) }) { return (podTarget, .interruption) }
    return nil
  }
}
