import CapacityModel

/// Finds the constant-user stretches of a run's history, or the bands of a continuous ramp
/// (`RampBandBuilder`) when the whole history is one.
///
/// Short ramps between steps show up as one- or two-tick "steps" and are dropped; of each remaining step the first
/// `stepWarmupFraction` is dropped before measuring, and a step is steady only with enough
/// seconds and requests.
package struct LoadStepDetector {
  package var thresholds: AnalysisThresholds

  package func steps(in timeline: [TimelinePoint]) -> [LoadStep] {
    guard let origin = timeline.first?.timestamp else { return [] }
    let ramp = RampBandBuilder(thresholds: thresholds)
    if let cuts = ramp.cuts(timeline) { return cuts.map { ramp.band($0, in: timeline) } }
    var steps: [LoadStep] = []
    var start = 0
    while start < timeline.count {
      var end = start
      while end + 1 < timeline.count, timeline[end + 1].users == timeline[start].users { end += 1 }
      let stretch = timeline[start...end]
      if timeline[start].users > 0, stretch.count >= thresholds.stepMinimumTicks,
        let step = measure(stretch, before: start > 0 ? timeline[start - 1] : nil, origin: origin)
      {
        steps.append(step)
      }
      start = end + 1
    }
    return steps
  }

  /// Mean response time of the requests between two points: the cumulative sums' difference over
  /// the counts' difference.
  package static func meanResponse(from start: TimelinePoint, to end: TimelinePoint) -> Double? {
    guard let startMean = start.totalAverageMs ?? (start.totalRequests == 0 ? 0 : nil),
      let endMean = end.totalAverageMs, end.totalRequests > start.totalRequests
    else { return nil }
    let sum = endMean * Double(end.totalRequests) - startMean * Double(start.totalRequests)
    return max(0, sum / Double(end.totalRequests - start.totalRequests))
  }

  private func measure(_ stretch: ArraySlice<TimelinePoint>, before: TimelinePoint?, origin: Int64)
    -> LoadStep?
  {
    guard let first = stretch.first, let last = stretch.last else { return nil }
    // The step starts where the previous tick ended.
    let stepStart = before ?? first
    let span = Double(last.timestamp - stepStart.timestamp)
    let warmupEnd = Double(stepStart.timestamp) + span * thresholds.stepWarmupFraction
    let steady = stretch.filter { Double($0.timestamp) >= warmupEnd }
    let base = stretch.last { Double($0.timestamp) < warmupEnd } ?? stepStart
    guard let steadyLast = steady.last else { return nil }
    let seconds = Double(steadyLast.timestamp - base.timestamp)
    let requests = steadyLast.totalRequests - base.totalRequests
    let failures = steadyLast.totalFailures - base.totalFailures
    func mean(_ quantile: Double) -> Double? {
      let values = steady.compactMap { $0.percentile(quantile) }.filter { $0 > 0 }
      return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
    return LoadStep(
      users: first.users, startSeconds: Double(stepStart.timestamp - origin),
      endSeconds: Double(last.timestamp - origin), requests: requests,
      requestsPerSecond: seconds > 0 ? Double(requests) / seconds : 0,
      p95Ms: mean(0.95),
      errorRate: requests > 0 ? Double(failures) / Double(requests) : 0,
      isSteady: span >= thresholds.stepMinimumSeconds && requests >= thresholds.stepMinimumRequests,
      p50Ms: mean(0.5), p99Ms: mean(0.99), meanMs: Self.meanResponse(from: base, to: steadyLast))
  }

  package init(thresholds: AnalysisThresholds) {
    self.thresholds = thresholds
  }
}
