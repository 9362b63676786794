import CapacityModel
import Foundation

extension RecoveryAnalyzer {
  /// The figures of the fault window starting at `time`, before any target is applied.
  package func measure(at time: Double, nextFault: Double, previousWindowEnd: Double?, _ data: RunData)
    -> RecoveryResult
  {
    let limit = min(nextFault, data.end, time + settings.horizonSeconds)
    let cut: RecoveryResult.WindowEnd =
      limit == nextFault ? .nextFault : (limit == data.end ? .runEnd : .horizon)
    let baselineStart = max(time - settings.baselineSeconds, previousWindowEnd ?? -.infinity, data.start)
    let baseline = baselineStart..<max(baselineStart, time)
    let normalGap = data.signal.normalGap(in: baseline, settings: settings)
    let baselineTicks = data.ticks.filter { Double($0.end) > baselineStart && Double($0.end) <= time }
    let p95s = baselineTicks.compactMap(\.p95).filter { $0 > 0 }
    let baselineP95 = data.history == nil || p95s.isEmpty ? nil : p95s.reduce(0, +) / Double(p95s.count)
    let candidates = recoveryCandidates(from: time, limit: limit, normalGap: normalGap, data)
    let clean = candidates.first { isClean(from: $0, limit: limit, normalGap: normalGap, data.signal) }
    let visible = clean != time
    // Recovered no earlier than the end of the longest gap: the service may look clean before it.
    var recoveryPoint = clean.map { clean in
      let gap = data.signal.longestSuccessGap(
        in: time..<max(time, min(limit, clean + settings.settleSeconds)))
      return visible ? max(clean, gap.start + gap.length) : clean
    }
    if let start = recoveryPoint, visible, let baselineP95 {
      recoveryPoint = candidates.first {
        $0 >= start
          && latencyRecovered(
            from: $0, limit: limit, p95Limit: baselineP95 * (1 + settings.p95Tolerance), data)
      }
    }
    let windowEnd = recoveryPoint.map { min(limit, $0 + settings.settleSeconds) } ?? limit
    var result = figures(in: time..<max(time, windowEnd), visible: visible, data)
    result.baselineSeconds = time - baselineStart
    result.normalGapSeconds = normalGap
    result.baselineP95Ms = baselineP95
    result.baselineRequestsPerSecond = Tick.throughput(baselineTicks)
    result.recoverySeconds = recoveryPoint.map { $0 - time }
    result.windowEnd =
      recoveryPoint.map { $0 + settings.settleSeconds < limit } == true
      ? .settled : cut
    if !visible {
      result.effect = .none
    } else if recoveryPoint == nil {
      let effects: [RecoveryResult.WindowEnd: RecoveryResult.Effect] = [
        .nextFault: .notRecoveredBeforeNextFault, .runEnd: .notRecoveredBeforeRunEnd,
        .horizon: .notRecoveredInHorizon,
      ]
      result.effect = effects[cut] ?? .notRecoveredBeforeRunEnd
    }
    result.notes = windowNotes(
      result, baselineCut: previousWindowEnd.map { $0 >= time - settings.baselineSeconds } ?? false, data)
    return result
  }

  /// The fault's start, the signal's resume points and the tick boundaries in the window, in order.
  private func recoveryCandidates(from time: Double, limit: Double, normalGap: Double, _ data: RunData)
    -> [Double]
  {
    let window = time..<max(time, limit)
    let boundaries = data.ticks.map { Double($0.end) }.filter { window.contains($0) }
    return Array(Set([time] + data.signal.resumeCandidates(in: window, normalGap: normalGap) + boundaries))
      .filter { $0 >= time }.sorted()
  }

  /// Clean from `start` for the settle time (or to the window's limit, if at least the hold time).
  private func isClean(from start: Double, limit: Double, normalGap: Double, _ signal: any FaultSignal)
    -> Bool
  {
    let end = min(limit, start + settings.settleSeconds)
    return end - start >= settings.holdSeconds - 1e-9 && signal.isClean(start..<end, normalGap: normalGap)
  }

  /// p95 within the limit, with successes, in every tick ending in the hold time after `start`.
  private func latencyRecovered(from start: Double, limit: Double, p95Limit: Double, _ data: RunData) -> Bool
  {
    guard start + settings.holdSeconds <= limit + 1e-9 else { return false }
    let hold = data.ticks.filter {
      Double($0.end) > start && Double($0.end) <= start + settings.holdSeconds + 1e-9
    }
    return !hold.isEmpty && hold.allSatisfy { $0.successes > 0 && ($0.p95 ?? .infinity) <= p95Limit }
  }

  /// Interruption, burst, failures and the throughput dip inside the window; the interruption is
  /// 0 when the fault had no visible effect (no failure, no gap beyond normal traffic).
  private func figures(in window: Range<Double>, visible: Bool, _ data: RunData) -> RecoveryResult {
    let time = window.lowerBound
    let gap = data.signal.longestSuccessGap(in: window)
    let interrupted = visible && gap.length > 0
    let burst = data.signal.failureBurst(in: window)
    let inside = data.ticks.filter { Double($0.end) > time && Double($0.end) <= window.upperBound }
    let span = min(settings.throughputTicks, inside.count)
    let lowest =
      span == 0
      ? nil
      : (0...(inside.count - span)).map { Tick.throughput(Array(inside[$0..<($0 + span)])) ?? 0 }.min()
    return RecoveryResult(
      event: ChaosEvent(time: Date(timeIntervalSince1970: time), action: "", target: ""),
      resolutionSeconds: data.signal.resolution, windowSeconds: window.upperBound - time,
      windowEnd: .settled, baselineSeconds: 0, normalGapSeconds: 0, effect: .recovered,
      interruptionSeconds: interrupted ? gap.length : 0,
      interruptionStartSeconds: interrupted ? gap.start - time : nil,
      burstSeconds: burst.map { $0.end - $0.start } ?? 0, burstFailures: burst?.failures ?? 0,
      failedRequests: data.signal.failures(in: window), baselineP95Ms: nil, recoverySeconds: nil,
      baselineRequestsPerSecond: nil, lowestRequestsPerSecond: lowest, targetSeconds: nil, judgedOn: nil,
      pass: nil, notes: [])
  }
}
