import CapacityModel
import Foundation

/// Finds candidate incidents in a run without an events file: stretches where at least half the
/// requests failed, nothing succeeded, or p95 rose to three times the run's median p95 and came
/// back down before the end of the run.
/// They are labelled `detected`: a reader must confirm what they were.
public struct IncidentDetector: Sendable {
  public var failureShare = 0.5
  public var p95Factor = 3.0
  /// Incidents closer than this many seconds are merged.
  public var mergeSeconds: Int64 = 5

  public init() {}

  public func incidents(in run: Run) -> [ChaosEvent] {
    let ticks = Tick.ticks(of: run).filter { $0.users > 0 }
    let p95s = ticks.compactMap(\.p95).filter { $0 > 0 }.sorted()
    let median = p95s.isEmpty ? nil : p95s[p95s.count / 2]
    let windowed = run.hasWindowedPercentiles
    let failing = Tick.stretches(in: ticks) { tick in
      tick.successes == 0 || Double(tick.failures) >= failureShare * Double(tick.requests)
    }
    // A latency spike must come back down: p95 that stays high to the end is load, not an incident.
    let runEnd = ticks.last?.end ?? 0
    let spikes = Tick.stretches(in: ticks) { tick in
      guard windowed, let median, let p95 = tick.p95 else { return false }
      return p95 >= p95Factor * median
    }.filter { $0.end < runEnd - mergeSeconds }
    let stretches = (failing + spikes).sorted { $0.start < $1.start }
    var merged: [(start: Int64, end: Int64)] = []
    for stretch in stretches {
      if let last = merged.last, stretch.start - last.end <= mergeSeconds {
        merged[merged.count - 1].end = max(last.end, stretch.end)
      } else {
        merged.append((stretch.start, stretch.end))
      }
    }
    return merged.map { incident in
      ChaosEvent(
        time: Date(timeIntervalSince1970: Double(incident.start)), action: "detected incident",
        target: "unknown", origin: .detected)
    }
  }
}
