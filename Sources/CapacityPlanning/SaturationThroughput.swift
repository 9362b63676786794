import CapacityAnalysis
import CapacityModel

/// Per-replica throughput from the saturation analysis (CAPACITY-MATH.md §7):
/// X_safe = X at min(capacity-at-SLO users, trusted throughput knee, 0.8 · N*), read off the fitted
/// USL curve where there is one and interpolated between steps otherwise. Without a stepped run it
/// falls back to the best step within the SLO.
public struct SaturationThroughput: ThroughputEstimate {
  public var objectives: ServiceLevelObjectives?
  public var fallback: any ThroughputEstimate

  public init(
    objectives: ServiceLevelObjectives? = nil, fallback: any ThroughputEstimate = BestStepWithinSLO()
  ) {
    self.objectives = objectives
    self.fallback = fallback
  }

  public func throughput(_ analyses: [RunAnalysis], thresholds: AnalysisThresholds) -> MeasuredThroughput? {
    let series = SaturationAnalyzer(thresholds: thresholds, objectives: objectives)
      .series(analyses, runsAsSteps: false)
    let candidates = series.compactMap { analysis -> MeasuredThroughput? in
      guard let capacity = analysis.capacity, capacity.bound != .below, capacity.users > 0 else { return nil }
      var limits: [(users: Double, why: String)] = [(capacity.users, "capacity at the SLO")]
      if let knee = analysis.throughputKnee, knee.trusted {
        limits.append((Double(knee.users), "the throughput knee"))
      }
      let fit = analysis.fitTrusted(limit: thresholds.forecastErrorLimit) ? analysis.fit : nil
      if let peak = fit?.peakUsers { limits.append((0.8 * peak, "0.8 · N*")) }
      guard let limit = limits.min(by: { $0.users < $1.users }) else { return nil }
      let rps =
        fit?.model.throughput(at: limit.users) ?? interpolate(analysis.steps, at: limit.users)
      guard let rps, rps > 0 else { return nil }
      let run = analyses.first { analysis.runIDs.contains($0.run.id) }
      return MeasuredThroughput(
        requestsPerSecond: rps, users: Int(limit.users.rounded(.down)),
        runName: run?.run.name ?? analysis.source,
        basis: "\(analysis.source) at \(NumberFormat.decimal(limit.users, places: 0)) users (\(limit.why)"
          + (fit != nil
            ? ", on the USL fit)"
            : analysis.fit == nil
              ? ", between steps)" : ", between measured steps: the USL fit failed its forecast check)"),
        window: nil)
    }
    return candidates.max { $0.requestsPerSecond < $1.requestsPerSecond }
      ?? fallback.throughput(analyses, thresholds: thresholds)
  }

  private func interpolate(_ steps: [SaturationStep], at users: Double) -> Double? {
    let sorted = steps.sorted { $0.users < $1.users }
    guard let first = sorted.first else { return nil }
    if users <= Double(first.users) { return first.throughput * users / Double(first.users) }
    for (lower, upper) in zip(sorted, sorted.dropFirst()) where users <= Double(upper.users) {
      let share = (users - Double(lower.users)) / Double(upper.users - lower.users)
      return lower.throughput + share * (upper.throughput - lower.throughput)
    }
    return sorted.last?.throughput
  }
}
