import CapacityModel
import Foundation

/// Measures each fault inside its own window (DESIGN.md §3 "Chaos recovery"). Pure.
///
/// A fault's window runs from the fault to the first of: the next fault's start, its recovery
/// plus the settle time, the run's end; its baseline is the 60 s before, cut at the previous
/// fault's window. So no failure counts for two faults. A frozen service fails only the requests
/// in flight, so the failure burst understates an outage: the interruption — the longest stretch
/// without a successful response — is the figure users feel. Raw logs are measured per request
/// (ms), a tool's history per row (Locust: 1 s).
public struct RecoveryAnalyzer: Sendable {
  public var settings: RecoverySettings

  public init(settings: RecoverySettings = RecoverySettings()) {
    self.settings = settings
  }

  /// One result per fault (end actions close their fault, see `FaultPairer`) that starts inside
  /// the run.
  public func analyze(_ run: Run, events: [ChaosEvent]) -> [RecoveryResult] {
    analyze(run, faults: FaultPairer().schedule(events).faults)
  }

  public func analyze(_ run: Run, faults: [Fault]) -> [RecoveryResult] {
    let ticks = Tick.ticks(of: run)
    guard let first = ticks.first, let last = ticks.last else { return [] }
    let signal: any FaultSignal =
      run.requestMarks.map { RequestSignal(marks: $0) } ?? TickSignal(ticks: ticks)
    let data = RunData(
      ticks: ticks, signal: signal, history: run.hasWindowedPercentiles ? run.historyKind : nil,
      start: Double(first.start), end: max(Double(last.end), run.endedAt?.timeIntervalSince1970 ?? 0))
    let groups = simultaneousGroups(faults)
    var previousWindowEnd: Double?
    var results: [RecoveryResult] = []
    for (index, group) in groups.enumerated() {
      let time = group[0].start.time.timeIntervalSince1970
      guard time >= data.start, time <= data.end else { continue }
      let next = index + 1 < groups.count ? groups[index + 1][0].start.time.timeIntervalSince1970 : .infinity
      let measured = measure(at: time, nextFault: next, previousWindowEnd: previousWindowEnd, data)
      previousWindowEnd = time + measured.windowSeconds
      results += group.map { judged(measured, fault: $0, group: group) }
    }
    return results
  }

  package struct RunData {
    package var ticks: [Tick]
    package var signal: any FaultSignal
    package var history: HistoryKind?
    package var start: Double
    package var end: Double
  }

  /// Faults in time order, those starting within `simultaneousSeconds` of the first of a group together.
  private func simultaneousGroups(_ faults: [Fault]) -> [[Fault]] {
    let sorted = faults.enumerated().sorted {
      ($0.element.start.time, $0.offset) < ($1.element.start.time, $1.offset)
    }.map(\.element)
    var groups: [[Fault]] = []
    for fault in sorted {
      if let head = groups.last?.first,
        fault.start.time.timeIntervalSince(head.start.time) < settings.simultaneousSeconds
      {
        groups[groups.count - 1].append(fault)
      } else {
        groups.append([fault])
      }
    }
    return groups
  }
}
