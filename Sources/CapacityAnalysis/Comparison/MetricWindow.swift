import CapacityModel

/// One fixed-length window of a run at full load: throughput and the tool's windowed percentiles.
public struct MetricWindow: Sendable, Equatable {
  /// Unix seconds of the window's first tick.
  public var start: Int64
  /// Requests per second over the window, from cumulative counts.
  public var throughput: Double
  /// Latency percentiles at the window's last tick, milliseconds (Locust: its ~10 s window).
  public var p50: Double?
  public var p95: Double?

  /// Cuts the full-load part of `points` (ticks at the highest user count) into windows of
  /// `seconds`; partial windows (fewer than half the ticks) are dropped.
  package static func windows(of points: [TimelinePoint], seconds: Int64, kind: HistoryKind) -> [MetricWindow]
  {
    guard let users = points.map(\.users).max(), users > 0 else { return [] }
    let steady = points.filter { $0.users == users }
    guard let origin = steady.first?.timestamp else { return [] }
    var groups: [[TimelinePoint]] = []
    for point in steady {
      let index = Int((point.timestamp - origin) / seconds)
      while groups.count <= index { groups.append([]) }
      groups[index].append(point)
    }
    var windows: [MetricWindow] = []
    var previous = steady.first
    for group in groups {
      guard let first = group.first, let last = group.last else { continue }
      defer { previous = last }
      guard group.count * 2 >= Int(seconds), let base = previous, last.timestamp > base.timestamp
      else { continue }
      windows.append(
        MetricWindow(
          start: first.timestamp,
          throughput: Double(last.totalRequests - base.totalRequests)
            / Double(last.timestamp - base.timestamp),
          p50: last.windowed(0.5, in: kind), p95: last.windowed(0.95, in: kind)))
    }
    return windows
  }
}

extension MetricWindow {
  /// The windows of a raw log's `series` that lie wholly at full load: inside the timeline, not in
  /// its first or last (partial) second, and with every second at the highest user count (any
  /// second, when the tool logged no user counts).
  package static func windows(of series: RequestWindowSeries, timeline: [TimelinePoint]) -> [MetricWindow] {
    guard let first = timeline.first?.timestamp, let last = timeline.last?.timestamp, series.seconds > 0
    else { return [] }
    let users = timeline.map(\.users).max() ?? 0
    let offLoad = Set(timeline.filter { $0.users != users }.map(\.timestamp))
    let length = Int64(series.seconds)
    return series.windows.enumerated().compactMap { index, window in
      let start = series.start + Int64(index) * length
      let end = start + length - 1
      guard start > first, end < last, !(start...end).contains(where: offLoad.contains) else { return nil }
      return MetricWindow(
        start: start, throughput: Double(window.requests) / Double(length), p50: window.p50Ms,
        p95: window.p95Ms)
    }
  }
}
