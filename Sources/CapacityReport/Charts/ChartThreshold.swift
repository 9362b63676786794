/// A horizontal reference line: an objective (`slo`) or a profile's allocatable (`limit`).
package struct ChartThreshold {
  package var label: String
  package var value: Double
  package var className: String
  /// Whether the axis stretches to show it when it is within twice the data's largest value; else
  /// it is drawn only when the data's axis reaches it, and noted under the chart otherwise.
  package var stretchesAxis = false
}
