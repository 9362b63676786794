import CapacityModel

/// The objectives runs are judged against, and where they came from.
public struct ServiceLevelObjectives: Sendable, Equatable {
  public var objectives: [SLOObjective]
  /// The `--slo` file, or `nil` for the defaults / command-line thresholds.
  public var source: String?

  public init(objectives: [SLOObjective], source: String? = nil) {
    self.objectives = objectives
    self.source = source
  }

  /// p95 ≤ `sloP95Ms` and error rate ≤ `sloErrorRate` (defaults 500 ms and 1 %).
  public init(thresholds: AnalysisThresholds) {
    self.init(objectives: [
      SLOObjective(metric: .p95Ms, limit: thresholds.sloP95Ms),
      SLOObjective(metric: .errorRate, limit: thresholds.sloErrorRate),
    ])
  }

  /// The run-wide p95 and error-rate bounds (the tightest given), for the thresholds the rest of
  /// the analysis uses.
  public func applied(to thresholds: AnalysisThresholds) -> AnalysisThresholds {
    var thresholds = thresholds
    let global = objectives.filter(\.isRunWide)
    if let p95 = global.filter({ $0.metric == .p95Ms }).map(\.limit).min() { thresholds.sloP95Ms = p95 }
    if let errors = global.filter({ $0.metric == .errorRate }).map(\.limit).min() {
      thresholds.sloErrorRate = errors
    }
    return thresholds
  }
}
