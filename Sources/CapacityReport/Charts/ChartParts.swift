/// One line (or shaded area) of a chart: its values over time and how to print them.
package struct ChartSeries {
  package var label: String
  /// CSS class of the line: `rps`, `failures`, `p50`, `p95`, `p99`, `users`, `series-0`…
  package var className: String
  /// Unix seconds and the value then; `nil` leaves a gap.
  package var points: [(time: Double, value: Double?)]
  /// Formats a value with its unit, for hover titles (`31.2 req/s`).
  package var format: (Double) -> String
  /// Drawn as an area down to the axis' lower end.
  package var isArea = false

  package init(
    label: String, className: String, points: [(time: Double, value: Double?)],
    format: @escaping (Double) -> String, isArea: Bool = false
  ) {
    self.label = label
    self.className = className
    self.points = points
    self.format = format
    self.isArea = isArea
  }
}

/// A horizontal reference line: an objective (`slo`) or a profile's allocatable (`limit`).
package struct ChartThreshold {
  package var label: String
  package var value: Double
  package var className: String
  /// Whether the axis stretches to show it when it is within twice the data's largest value; else
  /// it is drawn only when the data's axis reaches it, and noted under the chart otherwise.
  package var stretchesAxis: Bool

  package init(label: String, value: Double, className: String, stretchesAxis: Bool = false) {
    self.label = label
    self.value = value
    self.className = className
    self.stretchesAxis = stretchesAxis
  }
}

/// A shaded stretch of time: a fault from its event to its end (or its analysis window).
package struct ChartBand {
  package var start: Double
  package var end: Double
  package var label: String

  package init(start: Double, end: Double, label: String) {
    self.start = start
    self.end = end
    self.label = label
  }
}

/// One plot of a stacked chart, with its own value axis; panels share the time axis.
package struct ChartPanel {
  /// The value axis' title with its unit (`req/s`, `ms`, `users`).
  package var axisTitle: String
  package var series: [ChartSeries]
  package var thresholds: [ChartThreshold] = []
  package var height: Double

  package init(
    axisTitle: String, series: [ChartSeries], thresholds: [ChartThreshold] = [], height: Double = 150
  ) {
    self.axisTitle = axisTitle
    self.series = series
    self.thresholds = thresholds
    self.height = height
  }

  /// The value axis: the data, and the thresholds that stretch it.
  package var scale: NiceScale {
    let values = series.flatMap { $0.points.compactMap(\.value) }.filter(\.isFinite)
    let top = values.max() ?? 0
    let stretch = thresholds.filter { $0.stretchesAxis && $0.value.isFinite && $0.value <= max(top, 0) * 2 }
    return NiceScale(values + stretch.map(\.value))
  }
}

/// A chart drawn for the report: its id (an HTML anchor), caption and markup.
package struct RenderedChart: Sendable, Equatable {
  package var id: String
  package var title: String
  package var svg: String
}
