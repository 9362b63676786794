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
}
