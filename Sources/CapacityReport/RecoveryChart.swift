import CapacityAnalysis
import CapacityModel

/// The minutes around one fault on the report's time-chart engine: successes and failures per
/// second in one panel, p95 in another, over wall-clock time from a minute before the event to two
/// after, with the fault's analysis window shaded and the event and the action that ended it marked.
package struct RecoveryChart {
  /// Seconds shown before and after the event.
  package let before = 60.0
  package let after = 120.0

  package init() {}

  /// - Parameters: timeline and kind: the run's history; time: the event, Unix seconds; label: its
  ///   action and target; endAfter and endLabel: the action that ended the fault, seconds after the
  ///   event; windowSeconds: the fault's analysis window, shaded.
  package func svg(
    timeline: [TimelinePoint], kind: HistoryKind, time: Double, label: String, endAfter: Double? = nil,
    endLabel: String? = nil, windowSeconds: Double? = nil
  ) -> String? {
    let span = (time - before)...(time + after)
    let ticks = Tick.ticks(of: timeline, kind: kind).filter { span.contains(Double($0.end)) }
    guard ticks.count >= 2 else { return nil }
    func rate(_ count: Int64, _ tick: Tick) -> Double {
      Double(count) / Double(max(1, tick.end - tick.start))
    }
    let perSecond: (Double) -> String = { NumberFormat.decimal($0, places: 2) + "/s" }
    let rates = ChartPanel(
      axisTitle: "req/s",
      series: [
        ChartSeries(
          label: "successes/s", className: "rps",
          points: ticks.map { (Double($0.end), rate($0.successes, $0)) },
          format: perSecond),
        ChartSeries(
          label: "failures/s", className: "failures",
          points: ticks.map { (Double($0.end), rate($0.failures, $0)) }, format: perSecond),
      ], height: 110)
    let p95 = ChartPanel(
      axisTitle: "p95 ms",
      series: [
        ChartSeries(
          label: "p95", className: "p95", points: ticks.map { (Double($0.end), $0.p95) },
          format: NumberFormat.milliseconds)
      ], height: 80)
    var markers = [ChartMarker(time: time, label: label, className: "event")]
    if let endAfter, endAfter >= 0, endAfter <= after {
      markers.append(ChartMarker(time: time + endAfter, label: endLabel ?? "end", className: "event-end"))
    }
    let window = windowSeconds.flatMap { seconds in
      seconds > 0
        ? [ChartBand(start: time, end: min(time + seconds, span.upperBound), label: "analysis window")] : nil
    }
    let hasP95 = ticks.contains { $0.p95 != nil }
    return TimeSeriesChart().svg(
      panels: hasP95 ? [rates, p95] : [rates], bands: window ?? [], markers: markers, span: span,
      label: "Successes, failures and p95 around \(label)")
  }
}
