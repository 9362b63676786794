/// One plot of a stacked chart, with its own value axis; panels share the time axis.
package struct ChartPanel {
  /// The value axis' title with its unit (`req/s`, `ms`, `users`).
  package var axisTitle: String
  package var series: [ChartSeries]
  package var thresholds: [ChartThreshold] = []
  package var height = 150.0

  /// The value axis: the data, and the thresholds that stretch it.
  package var scale: NiceScale {
    let values = series.flatMap { $0.points.compactMap(\.value) }.filter(\.isFinite)
    let top = values.max() ?? 0
    let stretch = thresholds.filter { $0.stretchesAxis && $0.value.isFinite && $0.value <= max(top, 0) * 2 }
    return NiceScale(values + stretch.map(\.value))
  }
}
