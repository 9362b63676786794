import CapacityModel

/// One run's resource use per component over wall-clock time. The axis fits the data; each
/// profile's allocatable amount is a dashed line when the axis reaches it, and named under the
/// chart when it is above.
package struct ResourceChart {
  package struct Line {
    package var label: String
    /// Seconds from the run's start, and the value.
    package var points: [(Double, Double)]
  }

  package init() {}

  /// - Parameters: start: the run's start, Unix seconds; unit: the axis title (`CPU m`);
  ///   limits: (profile, allocatable) in the lines' unit; format: a value with its unit.
  package func svg(
    title: String, start: Double, unit: String, lines: [Line], limits: [(String, Double)],
    format: @escaping (Double) -> String
  ) -> String? {
    let series = lines.enumerated().filter { !$0.element.points.isEmpty }.map { index, line in
      ChartSeries(
        label: line.label, className: "series-\(index % 6)",
        points: line.points.map { (start + $0.0, $0.1) }, format: format)
    }
    let thresholds = limits.map {
      ChartThreshold(label: "\($0.0) allocatable \(format($0.1))", value: $0.1, className: "limit")
    }
    return TimeSeriesChart().svg(
      panels: [ChartPanel(axisTitle: unit, series: series, thresholds: thresholds, height: 160)], label: title
    )
  }
}
