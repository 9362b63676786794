import CapacityModel

/// A run's throughput and failures per second over time, with the active users in a panel of
/// their own below (one scale per panel, never two on one plot).
package struct ThroughputChart {
  package init() {}

  package func svg(_ timeline: [TimelinePoint], bands: [ChartBand], name: String) -> String? {
    let rate: (Double) -> String = { NumberFormat.decimal($0, places: 2) }
    let rates = ChartPanel(
      axisTitle: "req/s",
      series: [
        ChartSeries(
          label: "requests/s", className: "rps",
          points: timeline.map { (Double($0.timestamp), $0.requestsPerSecond) }, format: rate),
        ChartSeries(
          label: "failures/s", className: "failures",
          points: timeline.map { (Double($0.timestamp), $0.failuresPerSecond) }, format: rate),
      ], height: 150)
    let users = ChartPanel(
      axisTitle: "users",
      series: [
        ChartSeries(
          label: "users", className: "users",
          points: timeline.map { (Double($0.timestamp), Double($0.users)) },
          format: { NumberFormat.decimal($0, places: 0) }, isArea: true)
      ], height: 60)
    let hasUsers = timeline.contains { $0.users > 0 }
    return TimeSeriesChart().svg(
      panels: hasUsers ? [rates, users] : [rates], bands: bands,
      label: "Throughput and failures per second\(hasUsers ? ", and users," : "") over time for \(name)")
  }
}
