/// A moment marked across every panel of a time chart: a fault's event or the action that ended
/// it, as a vertical line labelled inside the top panel.
package struct ChartMarker {
  /// Unix seconds.
  package var time: Double
  package var label: String
  /// CSS class of the line: `event` or `event-end`.
  package var className: String
}
