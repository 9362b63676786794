import CapacityModel

/// What a run's data says about successes and failures over time, at the finest resolution it
/// has: per request for raw logs (`RequestSignal`), per 1 s history row for Locust (`TickSignal`).
/// Times are Unix seconds; a window `a..<b` holds what ended in it.
package protocol FaultSignal {
  /// Spacing of the data, seconds.
  var resolution: Double { get }
  /// How the figures are measured, for the report's notes.
  var method: String { get }
  func failures(in window: Range<Double>) -> Int64
  /// The failures in the window, from the first to the last.
  func failureBurst(in window: Range<Double>) -> FailureBurst?
  /// The longest stretch in the window without a successful response (clipped to the window).
  func longestSuccessGap(in window: Range<Double>) -> (start: Double, length: Double)
  /// Gaps between successes up to this long are normal traffic in the baseline window.
  func normalGap(in baseline: Range<Double>, settings: RecoverySettings) -> Double
  /// Moments in the window from which the service may be back to normal: just after each
  /// failure and at each success that ends a gap longer than `normalGap`.
  func resumeCandidates(in window: Range<Double>, normalGap: Double) -> [Double]
}

package struct FailureBurst: Equatable {
  package var start: Double
  package var end: Double
  package var failures: Int64
}

extension FaultSignal {
  /// No failure and no gap between successes beyond `normalGap` in the window.
  package func isClean(_ window: Range<Double>, normalGap: Double) -> Bool {
    failures(in: window) == 0 && longestSuccessGap(in: window).length <= normalGap + 1e-9
  }
}

/// Per-request signal of a raw log: millisecond success marks and failure end times.
package struct RequestSignal: FaultSignal {
  package let marks: RequestMarks
  package var resolution: Double { 0.001 }
  package var method: String {
    "per request (ms): each request's end is its start plus its duration from the raw log"
  }

  private func milliseconds(_ window: Range<Double>) -> (Int64, Int64) {
    (Int64((window.lowerBound * 1000).rounded(.up)), Int64((window.upperBound * 1000).rounded(.up)))
  }

  package func failures(in window: Range<Double>) -> Int64 {
    let (from, to) = milliseconds(window)
    return Int64(marks.failures(fromMs: from, toMs: to).count)
  }

  package func failureBurst(in window: Range<Double>) -> FailureBurst? {
    let (from, to) = milliseconds(window)
    let failed = marks.failures(fromMs: from, toMs: to)
    guard let first = failed.first, let last = failed.last else { return nil }
    return FailureBurst(start: Double(first) / 1000, end: Double(last) / 1000, failures: Int64(failed.count))
  }

  package func longestSuccessGap(in window: Range<Double>) -> (start: Double, length: Double) {
    let (from, to) = milliseconds(window)
    var previous = from
    var longest = (start: from, length: Int64(0))
    marks.forEachSuccess(fromMs: from, toMs: to) { ms in
      if ms - previous > longest.length { longest = (previous, ms - previous) }
      previous = ms
    }
    if to - previous > longest.length { longest = (previous, to - previous) }
    return (Double(longest.start) / 1000, Double(longest.length) / 1000)
  }

  /// Twice the 99th percentile of the gaps between successive successes, at least the minimum.
  package func normalGap(in baseline: Range<Double>, settings: RecoverySettings) -> Double {
    let (from, to) = milliseconds(baseline)
    var gaps: [Int64] = []
    var previous: Int64?
    marks.forEachSuccess(fromMs: from, toMs: to) { ms in
      if let previous { gaps.append(ms - previous) }
      previous = ms
    }
    gaps.sort()
    let p99 = gaps.isEmpty ? 0 : Double(gaps[min(gaps.count - 1, Int(Double(gaps.count) * 0.99))]) / 1000
    return max(settings.normalGapFactor * p99, settings.minimumNormalGapSeconds)
  }

  package func resumeCandidates(in window: Range<Double>, normalGap: Double) -> [Double] {
    let (from, to) = milliseconds(window)
    var candidates = marks.failures(fromMs: from, toMs: to).map { Double($0 + 1) / 1000 }
    var previous = from
    let normal = Int64((normalGap * 1000).rounded(.down))
    marks.forEachSuccess(fromMs: from, toMs: to) { ms in
      if ms - previous > normal { candidates.append(Double(ms) / 1000) }
      previous = ms
    }
    return candidates
  }
}

/// The 1 s signal of a tool's history (Locust): per-tick successes and failures from its
/// cumulative counts. A row stamped `T` holds what ended up to a fraction of a second after `T`
/// (Locust truncates the time it writes), so a tick belongs to the window whose whole seconds
/// hold its end: `⌊a⌋ ≤ end < ⌊b⌋`.
package struct TickSignal: FaultSignal {
  package let ticks: [Tick]
  /// Successes in a normal tick (the median of ticks with any), to read how much of a tick next
  /// to an outage was already (or still) without success.
  package let typicalSuccesses: Double

  package init(ticks: [Tick]) {
    self.ticks = ticks
    let successes = ticks.map(\.successes).filter { $0 > 0 }.sorted()
    typicalSuccesses = successes.isEmpty ? 0 : Double(successes[successes.count / 2])
  }

  package var resolution: Double { Tick.resolution(of: ticks) }
  package var method: String {
    "at the \(NumberFormat.decimal(resolution, places: 0)) s resolution of the tool's history "
      + "(failures per tick from its cumulative counts; an interruption's partial first and last "
      + "ticks are read from their share of the usual successes): figures are known to about a tick"
  }

  private func inside(_ window: Range<Double>) -> [Tick] {
    let from = window.lowerBound.rounded(.down)
    // A window reaching the run's end holds its last tick.
    let to = window.upperBound >= Double(ticks.last?.end ?? 0) ? .infinity : window.upperBound.rounded(.down)
    return ticks.filter { Double($0.end) >= from && Double($0.end) < to }
  }

  package func failures(in window: Range<Double>) -> Int64 {
    inside(window).reduce(0) { $0 + $1.failures }
  }

  package func failureBurst(in window: Range<Double>) -> FailureBurst? {
    let failing = inside(window).filter { $0.failures > 0 }
    guard let first = failing.first, let last = failing.last else { return nil }
    return FailureBurst(
      start: Double(first.start), end: Double(last.end), failures: failing.reduce(0) { $0 + $1.failures })
  }

  package func longestSuccessGap(in window: Range<Double>) -> (start: Double, length: Double) {
    let ticks = inside(window)
    guard let gap = Tick.longestStretch(in: ticks, where: { $0.successes == 0 }) else {
      return (window.lowerBound, 0)
    }
    let before = gap.ticks.startIndex > ticks.startIndex ? silentShare(ticks[gap.ticks.startIndex - 1]) : 0
    let after = gap.ticks.endIndex < ticks.endIndex ? silentShare(ticks[gap.ticks.endIndex]) : 0
    return (Double(gap.start) - before, Double(gap.end - gap.start) + before + after)
  }

  /// The share of a tick without success, read from how many of the usual successes it had.
  private func silentShare(_ tick: Tick) -> Double {
    guard typicalSuccesses > 0 else { return 0 }
    return min(1, max(0, 1 - Double(tick.successes) / typicalSuccesses))
  }

  /// The longest stretch of ticks without success in the baseline, whole ticks only.
  package func normalGap(in baseline: Range<Double>, settings: RecoverySettings) -> Double {
    guard let gap = Tick.longestStretch(in: inside(baseline), where: { $0.successes == 0 }) else { return 0 }
    return Double(gap.end - gap.start)
  }

  package func resumeCandidates(in window: Range<Double>, normalGap: Double) -> [Double] {
    inside(window).map { Double($0.end) + 1 }
  }
}
