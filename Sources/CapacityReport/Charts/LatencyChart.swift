import CapacityModel

/// A run's p50, p95 and p99 over time, with the p95 objective as a dashed line: Locust's
/// windowed history percentiles, or a raw log's 10 s window percentiles.
package struct LatencyChart {
  package init() {}

  package static let quantiles: [(quantile: Double, label: String, className: String)] = [
    (0.5, "p50", "p50"), (0.95, "p95", "p95"), (0.99, "p99", "p99"),
  ]

  /// What the percentiles over time are, for the caption; `nil` when the history has none.
  package static func basis(_ kind: HistoryKind) -> String? {
    switch kind {
    case .currentWindow: "Locust's percentiles over its rolling window (about 10 s)"
    case .perSecond: "exact requests in 10 s windows, percentiles from log buckets (≤ 1.6 % off)"
    case .cumulative: "Locust's percentiles since the run's start (cumulative: no --csv-full-history)"
    case .none: nil
    }
  }

  package func svg(
    _ timeline: [TimelinePoint], kind: HistoryKind, sloP95Ms: Double?, bands: [ChartBand], name: String
  ) -> String? {
    let series = Self.quantiles.compactMap { entry -> ChartSeries? in
      let points = timeline.map { point -> (time: Double, value: Double?) in
        let value =
          kind == .cumulative ? point.percentile(entry.quantile) : point.windowed(entry.quantile, in: kind)
        return (Double(point.timestamp), value)
      }
      guard points.contains(where: { $0.value != nil }) else { return nil }
      return ChartSeries(
        label: entry.label, className: entry.className, points: points, format: NumberFormat.milliseconds)
    }
    guard !series.isEmpty else { return nil }
    let thresholds =
      sloP95Ms.map {
        [
          ChartThreshold(
            label: "p95 objective \(NumberFormat.milliseconds($0))", value: $0, className: "slo",
            stretchesAxis: true)
        ]
      } ?? []
    return TimeSeriesChart().svg(
      panels: [ChartPanel(axisTitle: "ms", series: series, thresholds: thresholds, height: 170)],
      bands: bands,
      label: "Response-time percentiles over time for \(name)")
  }
}
