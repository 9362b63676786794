import CapacityModel

/// A raw log's requests per second of each status class over time (one line per class that
/// occurs, from its request windows), so a burst of 5xx or of connection errors shows when it
/// happened beside the 2xx it displaced.
package struct StatusCodeChart {
  package init() {}

  /// The line colour of each class (the chart palette's `series-N`).
  static func className(_ statusClass: StatusClass) -> String {
    switch statusClass {
    case .success, .okWithoutCode: "series-2"
    case .redirection: "series-0"
    case .clientError: "series-4"
    case .serverError, .koWithoutCode: "series-1"
    case .noResponse: "series-3"
    case .informational: "series-5"
    }
  }

  package func svg(_ series: StatusCodeSeries, bands: [ChartBand], name: String) -> String? {
    let seconds = Double(max(1, series.seconds))
    let lines = series.presentClasses.map { statusClass in
      ChartSeries(
        label: statusClass.label + "/s", className: Self.className(statusClass),
        points: series.windows.enumerated().map { index, counts in
          (
            Double(series.start) + Double(index) * seconds + seconds / 2,
            Double(counts[statusClass.rawValue]) / seconds
          )
        },
        format: { NumberFormat.decimal($0, places: 2) + " req/s" })
    }
    guard !lines.isEmpty else { return nil }
    return TimeSeriesChart().svg(
      panels: [ChartPanel(axisTitle: "req/s", series: lines, height: 150)], bands: bands,
      label: "Requests per second by status class over time (\(series.seconds) s windows) for \(name)")
  }
}
