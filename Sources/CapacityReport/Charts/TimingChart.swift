import CapacityModel

/// A raw log's p95 per request window of the whole response time beside its time to first byte,
/// with connect time in a panel of its own below (it is often a few ms beside seconds): whether a
/// slow stretch was the server thinking (first byte), a full accept queue (connect), or the body.
package struct TimingChart {
  package init() {}

  static func className(_ phase: TimingPhase) -> String {
    switch phase {
    case .firstByte: "series-0"
    case .connect: "series-2"
    }
  }

  /// `elapsed` is the run's total request window series (its p95 per window, within 1.6 %).
  package func svg(
    _ timings: [RequestTiming], elapsed: RequestWindowSeries?, bands: [ChartBand], name: String
  ) -> String? {
    var response: [ChartSeries] = []
    var connect: [ChartSeries] = []
    if let elapsed {
      response.append(
        ChartSeries(
          label: "response time p95", className: "p95",
          points: Self.points(
            start: elapsed.start, seconds: elapsed.seconds, values: elapsed.windows.map(\.p95Ms)),
          format: NumberFormat.milliseconds))
    }
    for timing in timings where !timing.windowP95Ms.isEmpty && timing.windowSeconds > 0 {
      let line = ChartSeries(
        label: timing.phase.label + " p95", className: Self.className(timing.phase),
        points: Self.points(
          start: timing.windowStart, seconds: timing.windowSeconds, values: timing.windowP95Ms),
        format: NumberFormat.milliseconds)
      if timing.phase == .connect { connect.append(line) } else { response.append(line) }
    }
    guard response.count + connect.count >= 2 else { return nil }
    let panels = [
      ChartPanel(axisTitle: "p95 ms", series: response, height: 170),
      ChartPanel(axisTitle: "connect ms", series: connect, height: 70),
    ].filter { !$0.series.isEmpty }
    return TimeSeriesChart().svg(
      panels: panels, bands: bands,
      label: "p95 per window of the response time, time to first byte and connect time for \(name)")
  }

  /// Each window's value at its middle.
  private static func points(start: Int64, seconds: Int, values: [Double?]) -> [(
    time: Double, value: Double?
  )] {
    values.enumerated().map { index, value in
      (Double(start) + Double(index * seconds) + Double(seconds) / 2, value)
    }
  }
}
