import CapacityModel

/// The interval between two consecutive timeline points: what happened in it.
package struct Tick: Sendable, Equatable {
  /// Unix seconds.
  package var start: Int64
  package var end: Int64
  package var requests: Int64
  package var failures: Int64
  package var users: Int
  /// The tool's windowed p95 at the end of the tick, milliseconds.
  package var p95: Double?

  package var successes: Int64 { requests - failures }

  /// The ticks of a run's timeline, with p95 from its windowed percentiles (none for a cumulative history).
  package static func ticks(of run: Run) -> [Tick] {
    ticks(of: run.timeline, kind: run.historyKind)
  }

  package static func ticks(of points: [TimelinePoint], kind: HistoryKind = .currentWindow) -> [Tick] {
    // A raw log's point at second t counts the requests that started in [t, t + 1); a tool's
    // history row at t counts those finished by t, so its tick runs from the previous row.
    if kind == .perSecond {
      return points.enumerated().map { index, point in
        let previous = index > 0 ? points[index - 1] : nil
        return Tick(
          start: point.timestamp, end: point.timestamp + 1,
          requests: max(0, point.totalRequests - (previous?.totalRequests ?? 0)),
          failures: max(0, point.totalFailures - (previous?.totalFailures ?? 0)), users: point.users,
          p95: point.windowed(0.95, in: kind))
      }
    }
    return zip(points, points.dropFirst()).compactMap { previous, point in
      guard point.timestamp > previous.timestamp else { return nil }
      return Tick(
        start: previous.timestamp, end: point.timestamp,
        requests: max(0, point.totalRequests - previous.totalRequests),
        failures: max(0, point.totalFailures - previous.totalFailures), users: point.users,
        p95: point.windowed(0.95, in: kind))
    }
  }

  /// The median tick length, seconds.
  package static func resolution(of ticks: [Tick]) -> Double {
    let lengths = ticks.map { Double($0.end - $0.start) }.sorted()
    return lengths.isEmpty ? 1 : lengths[lengths.count / 2]
  }

  package static func throughput(_ ticks: [Tick]) -> Double? {
    guard let first = ticks.first, let last = ticks.last, last.end > first.start else { return nil }
    return Double(ticks.reduce(0) { $0 + $1.requests }) / Double(last.end - first.start)
  }

  /// A run of consecutive ticks.
  package struct Stretch {
    package var ticks: ArraySlice<Tick>
    package var start: Int64 { ticks.first?.start ?? 0 }
    package var end: Int64 { ticks.last?.end ?? 0 }
  }

  package static func stretches(in ticks: [Tick], where matches: (Tick) -> Bool) -> [Stretch] {
    var stretches: [Stretch] = []
    var index = 0
    while index < ticks.count {
      guard matches(ticks[index]) else {
        index += 1
        continue
      }
      var end = index
      while end + 1 < ticks.count, matches(ticks[end + 1]), ticks[end + 1].start == ticks[end].end {
        end += 1
      }
      stretches.append(Stretch(ticks: ticks[index...end]))
      index = end + 1
    }
    return stretches
  }

  package static func longestStretch(in ticks: [Tick], where matches: (Tick) -> Bool) -> Stretch? {
    stretches(in: ticks, where: matches).max { ($0.end - $0.start) < ($1.end - $1.start) }
  }

  package static func firstStretch(in ticks: [Tick], where matches: (Tick) -> Bool) -> Stretch? {
    stretches(in: ticks, where: matches).first
  }
}
