import CapacityModel

/// Finds a continuous ramp in a run's history and cuts it into concurrency bands.
///
/// A ramp: from the first tick with users to the last tick at the peak, the user count takes
/// ≥ `minimumLevels` values, each change is at most a tenth of the peak, no level but the peak
/// holds `stepMinimumTicks` ticks or more, and a hold at the peak lasts no longer than the climb.
/// The climb is cut into equal user-width bands (15 down to 8 tried; a band under
/// `stepMinimumRequests` requests joins the next), keeping the first cut that leaves ≥ 8 bands,
/// else the one with the most. Bands are contiguous runs of ticks, so the same cut serves the
/// exact per-band percentiles at ingest (`StepWindows`) and the band figures at analysis.
package struct RampBandBuilder {
  package var thresholds: AnalysisThresholds
  package static let bandCounts = 8...15
  package static let minimumLevels = 10
  /// Locust's percentile window.
  package static let windowSeconds: Int64 = 10

  /// The band's ticks, as indices into the timeline.
  package typealias Cut = ClosedRange<Int>

  /// The bands of a ramp, or `nil` when the timeline is not one.
  package func cuts(_ timeline: [TimelinePoint]) -> [Cut]? {
    guard let climb = climb(timeline) else { return nil }
    var best: [Cut] = []
    for count in Self.bandCounts.reversed() {
      let cut = merged(equalWidth(timeline, climb, count: count), timeline)
      if cut.count >= Self.bandCounts.lowerBound { return cut }
      if cut.count > best.count { best = cut }
    }
    return best.count >= 2 ? best : nil
  }

  /// Ticks from the first with users to the last at the peak, when they form a ramp.
  private func climb(_ timeline: [TimelinePoint]) -> ClosedRange<Int>? {
    guard let first = timeline.firstIndex(where: { $0.users > 0 }),
      let peak = timeline.map(\.users).max(), peak > 0,
      let last = timeline.lastIndex(where: { $0.users == peak }), last > first
    else { return nil }
    var levels = 0
    var index = first
    var peakTicks = 0
    while index <= last {
      var end = index
      while end < last, timeline[end + 1].users == timeline[index].users { end += 1 }
      let ticks = end - index + 1
      if timeline[index].users == peak {
        peakTicks += ticks
      } else if ticks >= thresholds.stepMinimumTicks {
        return nil
      }
      if end < last, abs(timeline[end + 1].users - timeline[index].users) > max(1, peak / 10) { return nil }
      levels += 1
      index = end + 1
    }
    let climbTicks = last - first + 1 - peakTicks
    guard levels >= Self.minimumLevels, peakTicks <= climbTicks else { return nil }
    return first...last
  }

  /// Band `k` starts at the first tick whose running-maximum users reach `low + k·width`.
  private func equalWidth(_ timeline: [TimelinePoint], _ climb: ClosedRange<Int>, count: Int) -> [Cut] {
    let low = Double(timeline[climb.lowerBound].users)
    let width = (Double(timeline[climb.upperBound].users) - low) / Double(count)
    guard width > 0 else { return [climb] }
    var cuts: [Cut] = []
    var start = climb.lowerBound
    var runningMax = timeline[start].users
    for index in climb {
      runningMax = max(runningMax, timeline[index].users)
      let band = min(count - 1, Int((Double(runningMax) - low) / width))
      if band > cuts.count, index > start {
        cuts.append(start...(index - 1))
        start = index
      }
    }
    cuts.append(start...climb.upperBound)
    return cuts
  }

  /// Joins each band under the request minimum to the next (the last to the one before).
  private func merged(_ cuts: [Cut], _ timeline: [TimelinePoint]) -> [Cut] {
    var result: [Cut] = []
    var pending: Int?
    for cut in cuts {
      let start = pending ?? cut.lowerBound
      if Self.requests(timeline, start...cut.upperBound) >= thresholds.stepMinimumRequests {
        result.append(start...cut.upperBound)
        pending = nil
      } else {
        pending = start
      }
    }
    if let pending, let last = cuts.last {
      if let previous = result.popLast() {
        result.append(previous.lowerBound...last.upperBound)
      } else {
        result.append(pending...last.upperBound)
      }
    }
    return result
  }

  /// Requests in a band's ticks: the cumulative count at its last tick less the one just before
  /// it (nothing before the first tick of the timeline).
  package static func requests(_ timeline: [TimelinePoint], _ cut: Cut) -> Int64 {
    timeline[cut.upperBound].totalRequests
      - (cut.lowerBound > 0 ? timeline[cut.lowerBound - 1].totalRequests : 0)
  }

  /// A band's figures: time-weighted mean users, throughput over its seconds, error rate, the
  /// mean of the p50/p95/p99 of the ticks whose ~10 s window lies inside the band (Locust), or the
  /// band's exact p95 (a raw log: every tick of the band carries it, written at ingest).
  package func band(_ cut: Cut, in timeline: [TimelinePoint]) -> LoadStep {
    let origin = timeline[0].timestamp
    let first = timeline[cut.lowerBound]
    let last = timeline[cut.upperBound]
    let before: TimelinePoint? = cut.lowerBound > 0 ? timeline[cut.lowerBound - 1] : nil
    let startTime = before?.timestamp ?? first.timestamp - 1
    let seconds = Double(last.timestamp - startTime)
    let requests = Self.requests(timeline, cut)
    let failures = last.totalFailures - (before?.totalFailures ?? 0)
    let ticks = timeline[cut]
    let users = ticks.map(\.users)
    let meanUsers = Double(users.reduce(0, +)) / Double(users.count)
    // Locust's window trails its tick by ~10 s: only windows wholly inside the band count, else
    // the band's last one.
    let inside = ticks.filter { $0.timestamp >= startTime + Self.windowSeconds }
    func mean(_ quantile: Double) -> Double? {
      let values = (inside.isEmpty ? [last] : inside).compactMap { $0.percentile(quantile) }.filter { $0 > 0 }
      return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
    let zero = TimelinePoint(
      timestamp: startTime, users: 0, requestsPerSecond: 0, failuresPerSecond: 0, percentiles: [],
      totalRequests: 0, totalFailures: 0, totalAverageMs: 0)
    return LoadStep(
      users: Int(meanUsers.rounded()), startSeconds: Double(startTime - origin),
      endSeconds: Double(last.timestamp - origin), requests: requests,
      requestsPerSecond: seconds > 0 ? Double(requests) / seconds : 0, p95Ms: mean(0.95),
      errorRate: requests > 0 ? Double(failures) / Double(requests) : 0,
      isSteady: requests >= thresholds.stepMinimumRequests, p50Ms: mean(0.5), p99Ms: mean(0.99),
      meanMs: LoadStepDetector.meanResponse(from: before ?? zero, to: last),
      band: (users.min() ?? 0)...(users.max() ?? 0))
  }
}
