import CapacityModel

/// The p95 over time of a run's busiest endpoints, from Locust's per-endpoint history or a raw
/// log's per-endpoint 5 s windows. Percentiles of different endpoints cannot be merged, so the
/// others are folded into the p95 of all requests, drawn dotted beside them, and counted.
package struct EndpointLatencyChart {
  /// Endpoints drawn, the most requests first.
  package static let maximumLines = 6

  package struct Line {
    package var label: String
    package var requests: Int64
    package var points: [(time: Double, value: Double?)]
  }

  package init() {}

  /// Locust `--csv-full-history` per-endpoint rows.
  package static func lines(_ timelines: [EndpointTimeline]) -> [Line] {
    timelines.map { timeline in
      Line(
        label: label(timeline.method, timeline.name), requests: timeline.points.last?.totalRequests ?? 0,
        points: timeline.points.map { (Double($0.timestamp), $0.percentile(0.95)) })
    }
  }

  /// A raw log's per-endpoint 5 s windows (the total series left out).
  package static func lines(_ series: [RequestWindowSeries]) -> [Line] {
    series.filter { !$0.isTotal }.map(line)
  }

  /// The p95 of all requests on the same basis as the endpoints' lines: a raw log's total 5 s
  /// windows, or Locust's `Aggregated` rolling-window history; `nil` when there is none.
  package static func allRequests(
    _ series: [RequestWindowSeries], timeline: [TimelinePoint], kind: HistoryKind
  )
    -> Line?
  {
    if let total = series.first(where: \.isTotal) { return line(total) }
    guard kind == .currentWindow, timeline.contains(where: { $0.percentile(0.95) != nil }) else { return nil }
    return Line(
      label: "all requests", requests: timeline.last?.totalRequests ?? 0,
      points: timeline.map { (Double($0.timestamp), $0.percentile(0.95)) })
  }

  private static func line(_ series: RequestWindowSeries) -> Line {
    Line(
      label: series.isTotal ? "all requests" : label(series.method, series.name),
      requests: series.windows.reduce(0) { $0 + $1.requests },
      points: series.windows.enumerated().map { index, window in
        (Double(series.start) + Double(index * series.seconds) + Double(series.seconds) / 2, window.p95Ms)
      })
  }

  private static func label(_ method: String, _ name: String) -> String {
    method.isEmpty ? name : method + " " + name
  }

  /// - Parameter allRequests: the p95 of every request, drawn when some endpoints are not.
  package func svg(
    _ all: [Line], allRequests: Line? = nil, sloP95Ms: Double?, bands: [ChartBand], name: String
  ) -> String? {
    guard all.count >= 2 else { return nil }
    let ranked = all.sorted { ($1.requests, $0.label) < ($0.requests, $1.label) }
    let drawn = ranked.prefix(Self.maximumLines)
    var series = drawn.enumerated().map { index, line in
      ChartSeries(
        label: line.label.count > 40 ? String(line.label.prefix(39)) + "…" : line.label,
        className: "series-\(index % 6)", points: line.points, format: NumberFormat.milliseconds)
    }
    if ranked.count > drawn.count, let allRequests {
      series.append(
        ChartSeries(
          label: allRequests.label, className: "all-requests", points: allRequests.points,
          format: NumberFormat.milliseconds))
    }
    let thresholds =
      sloP95Ms.map {
        [ChartThreshold(label: "p95 objective \(NumberFormat.milliseconds($0))", value: $0, className: "slo")]
      } ?? []
    let rest = ranked.count - drawn.count
    let restNote = rest > 0 ? ", \(rest) other endpoint\(rest == 1 ? "" : "s") not drawn" : ""
    return TimeSeriesChart().svg(
      panels: [ChartPanel(axisTitle: "p95 ms", series: series, thresholds: thresholds, height: 170)],
      bands: bands, label: "p95 over time of the \(drawn.count) busiest endpoints for \(name)\(restNote)")
  }
}
