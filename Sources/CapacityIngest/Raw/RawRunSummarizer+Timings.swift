import CapacityModel
import CapacityStatistics

extension RawRunSummarizer {
  /// The timed phases (time to first byte, connect time) of the member segments: exact R-7
  /// p50/p95/p99 over every value and the p95 of each request window, or HDR percentiles (and no
  /// windows) when any part went past its timing budget (`RequestAccumulator.timingBudget`). Phases without a value are left out.
  static func timings(
    _ chunks: [RequestAccumulator], members: [(chunk: Int, segment: Int)], timeline: [TimelinePoint]
  ) -> [RequestTiming] {
    guard let first = timeline.first, let last = timeline.last else { return [] }
    let span = Int(last.timestamp - first.timestamp) + 1
    let length = RequestWindowBuilder.windowLength(timelineSeconds: span)
    let windows = (base: first.timestamp, seconds: length, count: max(1, (span + length - 1) / length))
    return TimingPhase.allCases.compactMap { phase in
      let parts = members.map { chunks[$0.chunk].segments[$0.segment].timings[phase] }
      let requests = parts.reduce(Int64(0)) { $0 + $1.count }
      guard requests > 0 else { return nil }
      if parts.contains(where: { $0.histogram != nil }) {
        return histogramTiming(phase, parts: parts, requests: requests)
      }
      return exactTiming(phase, parts: parts, requests: requests, windows: windows)
    }
  }

  private static func histogramTiming(
    _ phase: TimingPhase, parts: [TimingValues.Phase], requests: Int64
  ) -> RequestTiming {
    var histogram = HDRHistogram()
    for part in parts {
      if let partial = part.histogram { histogram.merge(partial) }
      histogram.record(part.values)
    }
    return RequestTiming(
      phase: phase, requests: requests, method: .hdr3, p50Ms: histogram.quantile(0.5),
      p95Ms: histogram.quantile(0.95), p99Ms: histogram.quantile(0.99))
  }

  private static func exactTiming(
    _ phase: TimingPhase, parts: [TimingValues.Phase], requests: Int64,
    windows: (base: Int64, seconds: Int, count: Int)
  ) -> RequestTiming {
    var all: [Double] = []
    all.reserveCapacity(Int(requests))
    var byWindow = [[Double]](repeating: [], count: windows.count)
    let base = UInt32(truncatingIfNeeded: windows.base)
    for part in parts {
      part.values.forEachValue(seconds: part.seconds) { value, second in
        all.append(value)
        let window = Int(second &- base) / windows.seconds
        if window < windows.count { byWindow[window].append(value) }
      }
    }
    ExactPercentiles.sort(&all)
    let quantiles = all.withUnsafeBufferPointer { sorted in
      [0.5, 0.95, 0.99].map { ExactPercentiles.quantile(sorted: sorted, $0) }
    }
    let windowP95 = byWindow.map { values in
      var values = values
      ExactPercentiles.sort(&values)
      return values.withUnsafeBufferPointer { ExactPercentiles.quantile(sorted: $0, 0.95) }
    }
    return RequestTiming(
      phase: phase, requests: requests, method: .exactR7, p50Ms: quantiles[0], p95Ms: quantiles[1],
      p99Ms: quantiles[2], windowSeconds: windows.seconds, windowStart: windows.base, windowP95Ms: windowP95)
  }
}
