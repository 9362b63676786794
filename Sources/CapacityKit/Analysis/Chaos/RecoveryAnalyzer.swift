import Foundation

/// Measures interruption, failure burst, p95 recovery and throughput dip around fault events,
/// from a run's timeline (DESIGN.md §3 "Chaos recovery"). Pure.
///
/// A frozen service fails only the requests in flight, so the failure burst understates an
/// outage: the interruption — the longest stretch without a successful response — is the
/// figure users feel. Figures are at the timeline's resolution (Locust history: 1 s).
public struct RecoveryAnalyzer: Sendable {
  public var settings: RecoverySettings

  public init(settings: RecoverySettings = RecoverySettings()) {
    self.settings = settings
  }

  /// One result per event that falls inside the run's timeline.
  public func analyze(_ run: Run, events: [ChaosEvent]) -> [RecoveryResult] {
    let ticks = Tick.ticks(of: run)
    guard let first = ticks.first, let last = ticks.last else { return [] }
    return events.compactMap { event in
      let time = event.time.timeIntervalSince1970
      guard time >= Double(first.start), time <= Double(last.end) else { return nil }
      return measure(
        event, at: time, ticks: ticks, history: run.hasWindowedPercentiles ? run.historyKind : nil)
    }
  }

  /// - Parameter history: the kind of windowed percentiles the ticks carry; `nil` for none.
  private func measure(_ event: ChaosEvent, at time: Double, ticks: [Tick], history: HistoryKind?)
    -> RecoveryResult
  {
    let resolution = Tick.resolution(of: ticks)
    let before = ticks.filter { Double($0.end) <= time && Double($0.end) > time - settings.baselineSeconds }
    let after = ticks.filter { Double($0.end) > time && Double($0.start) < time + settings.horizonSeconds }
    var result = RecoveryResult(
      event: event, resolutionSeconds: resolution, interruptionSeconds: 0, interruptionStartSeconds: nil,
      burstSeconds: 0, burstFailures: 0, failedRequests: after.reduce(0) { $0 + $1.failures },
      baselineP95Ms: nil, recoverySeconds: nil, baselineRequestsPerSecond: Tick.throughput(before),
      lowestRequestsPerSecond: nil, targetSeconds: nil, judgedOn: nil, pass: nil, notes: [])

    // The interruption may start a tick before the event is logged.
    let around = ticks.filter {
      Double($0.end) > time - resolution && Double($0.start) < time + settings.horizonSeconds
    }
    if let outage = Tick.longestStretch(in: around, where: { $0.requests >= 0 && $0.successes == 0 }) {
      result.interruptionSeconds = Double(outage.end - outage.start)
      result.interruptionStartSeconds = Double(outage.start) - time
    }
    if let burst = Tick.firstStretch(in: around, where: { $0.failures > 0 }) {
      result.burstSeconds = Double(burst.end - burst.start)
      result.burstFailures = burst.ticks.reduce(0) { $0 + $1.failures }
    }
    if after.count >= settings.throughputTicks {
      result.lowestRequestsPerSecond = (0...(after.count - settings.throughputTicks)).map {
        Tick.throughput(Array(after[$0..<($0 + settings.throughputTicks)])) ?? 0
      }.min()
    }
    let p95s = before.compactMap(\.p95).filter { $0 > 0 }
    if let history, !p95s.isEmpty {
      let baseline = p95s.reduce(0, +) / Double(p95s.count)
      result.baselineP95Ms = baseline
      result.recoverySeconds = recovery(
        after: time, ticks: after,
        interruptionEnd: result.interruptionStartSeconds.map { time + $0 + result.interruptionSeconds },
        limit: baseline * (1 + settings.p95Tolerance))
      let window =
        history == .perSecond
        ? "p95 is per window of the raw log (10 s, longer for runs over 10 000 s; log-scale buckets, "
          + "≤ 1.6 % off), so recovery is "
          + "known to the window"
        : "p95 is Locust's ~10 s rolling window, so recovery includes up to 10 s of window lag"
      result.notes.append(
        window + "; recovered "
          + "means responses succeed and p95 stays within \(NumberFormat.percent(settings.p95Tolerance, places: 0)) "
          + "of the \(NumberFormat.decimal(settings.baselineSeconds, places: 0)) s pre-fault mean for "
          + "\(NumberFormat.decimal(settings.holdSeconds, places: 0)) s.")
    } else {
      result.notes.append(
        "No p95 per window (a Locust history without --csv-full-history, or a raw request log whose "
          + "p95 is kept per load step): recovery time is not measured.")
    }
    if let (target, judgedOn) = settings.target(for: event) {
      result.targetSeconds = target
      result.judgedOn = judgedOn
      let measured = judgedOn == .interruption ? result.interruptionSeconds : result.recoverySeconds
      result.pass = measured.map { $0 <= target } ?? false
    }
    return result
  }

  /// Seconds from `time` to the first tick from which p95 stays under `limit` for the hold time,
  /// with successful responses, after any interruption.
  private func recovery(after time: Double, ticks: [Tick], interruptionEnd: Double?, limit: Double) -> Double?
  {
    let earliest = max(time, interruptionEnd ?? time)
    let candidates = ticks.filter { Double($0.start) >= earliest - 0.001 }
    for (index, tick) in candidates.enumerated() {
      let hold = candidates[index...].prefix {
        Double($0.end) <= Double(tick.start) + settings.holdSeconds + 0.001
      }
      guard let holdEnd = hold.last?.end, Double(holdEnd - tick.start) >= settings.holdSeconds,
        hold.allSatisfy({ $0.successes > 0 && ($0.p95 ?? .infinity) <= limit })
      else { continue }
      return max(0, Double(tick.start) - time)
    }
    return nil
  }
}
