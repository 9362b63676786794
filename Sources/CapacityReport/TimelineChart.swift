import CapacityModel

/// An inline SVG chart of a run's history: throughput, p95 and users over time.
///
/// Self-contained markup (no script, no external font) so the HTML report opens offline. All
/// text in it is produced here and escaped.
package struct TimelineChart {
  package let width = 720.0
  package let height = 220.0
  package let margin = (left: 48.0, right: 56.0, top: 16.0, bottom: 28.0)

  package func svg(for run: Run) -> String? {
    let points = run.timeline
    guard points.count >= 2, let first = points.first?.timestamp, let last = points.last?.timestamp,
      last > first
    else { return nil }
    let span = Double(last - first)
    let plotWidth = width - margin.left - margin.right
    let plotHeight = height - margin.top - margin.bottom
    func x(_ timestamp: Int64) -> Double { margin.left + Double(timestamp - first) / span * plotWidth }
    func y(_ value: Double, _ top: Double) -> Double {
      margin.top + plotHeight - (top > 0 ? min(value, top) / top : 0) * plotHeight
    }
    let rpsTop = niceCeiling(points.map(\.requestsPerSecond).max() ?? 0)
    let p95Values = points.compactMap { $0.percentile(0.95) }
    let p95Top = niceCeiling(p95Values.max() ?? 0)
    let usersTop = Double(points.map(\.users).max() ?? 0)

    func path(_ values: [(Int64, Double)], _ top: Double) -> String {
      values.enumerated().map { index, point in
        (index == 0 ? "M" : "L") + fmt(x(point.0)) + "," + fmt(y(point.1, top))
      }.joined(separator: " ")
    }
    let users = path(points.map { ($0.timestamp, Double($0.users)) }, usersTop)
    let rps = path(points.map { ($0.timestamp, $0.requestsPerSecond) }, rpsTop)
    let p95 = path(
      points.compactMap { point in point.percentile(0.95).map { (point.timestamp, $0) } }, p95Top)
    let p95Label =
      run.historyKind == .cumulative
      ? "p95 ms (cumulative)" : run.historyKind == .perSecond ? "p95 ms (per step)" : "p95 ms"
    let bottom = fmt(margin.top + plotHeight)
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(fmt(width)) \(fmt(height))" \
      role="img" aria-label="\(HTMLEscaping.escape("Throughput, p95 and users over time for \(run.name)"))" class="chart">
      <rect x="\(fmt(margin.left))" y="\(fmt(margin.top))" width="\(fmt(plotWidth))" height="\(fmt(plotHeight))" class="plot"/>
      <path d="\(users) L\(fmt(x(last))),\(bottom) L\(fmt(x(first))),\(bottom) Z" class="users"/>
      <path d="\(rps)" class="rps"/>
      """
    if !p95Values.isEmpty { svg += "\n<path d=\"\(p95)\" class=\"p95\"/>" }
    svg += """

      <text x="\(fmt(margin.left - 6))" y="\(fmt(margin.top + 4))" class="axis" text-anchor="end">\(axis(rpsTop))</text>
      <text x="\(fmt(margin.left - 6))" y="\(bottom)" class="axis" text-anchor="end">0</text>
      <text x="\(fmt(width - margin.right + 6))" y="\(fmt(margin.top + 4))" class="axis">\(axis(p95Top))</text>
      <text x="\(fmt(margin.left))" y="\(fmt(height - 8))" class="axis">0 s</text>
      <text x="\(fmt(width - margin.right))" y="\(fmt(height - 8))" class="axis" text-anchor="end">\(fmt(span)) s</text>
      <text x="\(fmt(margin.left + 8))" y="\(fmt(margin.top + 14))" class="legend rps-label">req/s</text>
      <text x="\(fmt(margin.left + 60))" y="\(fmt(margin.top + 14))" class="legend p95-label">\(HTMLEscaping.escape(p95Label))</text>
      <text x="\(fmt(margin.left + 190))" y="\(fmt(margin.top + 14))" class="legend users-label">users (max \(Int(usersTop)))</text>
      </svg>
      """
    return svg
  }

  private func fmt(_ value: Double) -> String { ChartScale.format(value) }

  private func axis(_ value: Double) -> String { ChartScale.axisLabel(value) }

  private func niceCeiling(_ value: Double) -> Double { ChartScale.niceCeiling(value) }
}
