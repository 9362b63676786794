import CapacityAnalysis
import CapacityModel

/// An inline SVG chart of the minutes around one fault: throughput and failures per tick, p95,
/// and the event marked.
package struct RecoveryChart {
  package let width = 720.0
  package let height = 218.0
  /// The legend sits in the top margin, above the plot, so it never covers data.
  package let margin = (left: 48.0, right: 56.0, top: 34.0, bottom: 28.0)
  /// Seconds shown before and after the event.
  package let before = 60.0
  package let after = 120.0

  /// - Parameters: timeline and kind: the run's history; time: the event, Unix seconds; label: its
  ///   action and target; endAfter and endLabel: the action that ended the fault, seconds after the
  ///   event; windowSeconds: the fault's analysis window, shaded.
  package func svg(
    timeline: [TimelinePoint], kind: HistoryKind, time: Double, label rawLabel: String,
    endAfter: Double? = nil,
    endLabel: String? = nil, windowSeconds: Double? = nil
  ) -> String? {
    let ticks = Tick.ticks(of: timeline, kind: kind).filter {
      Double($0.end) >= time - before && Double($0.start) <= time + after
    }
    guard ticks.count >= 2 else { return nil }
    let plotWidth = width - margin.left - margin.right
    let plotHeight = height - margin.top - margin.bottom
    func x(_ seconds: Double) -> Double {
      margin.left + (seconds - (time - before)) / (before + after) * plotWidth
    }
    func y(_ value: Double, _ top: Double) -> Double {
      margin.top + plotHeight - min(value, top) / top * plotHeight
    }
    func rate(_ count: Int64, _ tick: Tick) -> Double {
      Double(count) / Double(max(1, tick.end - tick.start))
    }
    let countTop = ChartScale.niceCeiling(ticks.map { rate($0.requests, $0) }.max() ?? 0)
    let p95Top = ChartScale.niceCeiling(ticks.compactMap(\.p95).max() ?? 0)
    func path(_ values: [(Double, Double)], _ top: Double) -> String {
      values.enumerated().map { index, point in
        (index == 0 ? "M" : "L") + ChartScale.format(x(point.0)) + "," + ChartScale.format(y(point.1, top))
      }.joined(separator: " ")
    }
    let successes = path(ticks.map { (Double($0.end), rate($0.successes, $0)) }, countTop)
    let failures = path(ticks.map { (Double($0.end), rate($0.failures, $0)) }, countTop)
    let p95 = path(ticks.compactMap { tick in tick.p95.map { (Double(tick.end), $0) } }, p95Top)
    let eventX = ChartScale.format(x(time))
    let label = HTMLEscaping.escape(rawLabel)
    let markup = marks(time: time, endAfter: endAfter, endLabel: endLabel, windowSeconds: windowSeconds, x: x)
    return """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(ChartScale.format(width)) \(ChartScale.format(height))" \
      role="img" aria-label="Successes, failures and p95 around \(label)" class="chart">
      <rect x="\(ChartScale.format(margin.left))" y="\(ChartScale.format(margin.top))" width="\(ChartScale.format(plotWidth))" height="\(ChartScale.format(plotHeight))" class="plot"/>
      \(markup)<path d="\(successes)" class="rps"/>
      <path d="\(failures)" class="failures"/>
      <path d="\(p95)" class="p95"/>
      <line x1="\(eventX)" y1="\(ChartScale.format(margin.top))" x2="\(eventX)" y2="\(ChartScale.format(margin.top + plotHeight))" class="event"/>
      <text x="\(eventX)" y="\(ChartScale.format(margin.top - 4))" class="axis" text-anchor="middle">\(label)</text>
      <text x="\(ChartScale.format(margin.left - 6))" y="\(ChartScale.format(margin.top + 4))" class="axis" text-anchor="end">\(ChartScale.axisLabel(countTop))</text>
      <text x="\(ChartScale.format(width - margin.right + 6))" y="\(ChartScale.format(margin.top + 4))" class="axis">\(ChartScale.axisLabel(p95Top)) ms</text>
      <text x="\(ChartScale.format(margin.left))" y="\(ChartScale.format(height - 8))" class="axis">−\(Int(before)) s</text>
      <text x="\(ChartScale.format(width - margin.right))" y="\(ChartScale.format(height - 8))" class="axis" text-anchor="end">+\(Int(after)) s</text>
      <text x="\(ChartScale.format(margin.left + 8))" y="14" class="legend rps-label">successes/s</text>
      <text x="\(ChartScale.format(margin.left + 90))" y="14" class="legend failures-label">failures/s</text>
      <text x="\(ChartScale.format(margin.left + 165))" y="14" class="legend p95-label">p95 ms</text>
      </svg>
      """
  }

  /// The fault's analysis window, shaded, and the line of the action that ended it, when they are
  /// within the chart.
  private func marks(
    time: Double, endAfter: Double?, endLabel: String?, windowSeconds: Double?, x: (Double) -> Double
  ) -> String {
    let plotHeight = height - margin.top - margin.bottom
    var marks = ""
    if let windowSeconds, windowSeconds > 0 {
      let right = x(min(time + windowSeconds, time + after))
      marks +=
        "<rect x=\"\(ChartScale.format(x(time)))\" y=\"\(ChartScale.format(margin.top))\" width=\"\(ChartScale.format(right - x(time)))\" "
        + "height=\"\(ChartScale.format(plotHeight))\" class=\"fault-window\"/>\n"
    }
    if let endAfter, endAfter >= 0, endAfter <= after {
      let endX = ChartScale.format(x(time + endAfter))
      let endText = HTMLEscaping.escape(endLabel ?? "end")
      marks +=
        "<line x1=\"\(endX)\" y1=\"\(ChartScale.format(margin.top))\" x2=\"\(endX)\" "
        + "y2=\"\(ChartScale.format(margin.top + plotHeight))\" class=\"event-end\"/>\n"
        + "<text x=\"\(endX)\" y=\"\(ChartScale.format(margin.top + plotHeight - 4))\" class=\"axis\" "
        + "text-anchor=\"start\">\(endText)</text>\n"
    }
    return marks
  }
}
