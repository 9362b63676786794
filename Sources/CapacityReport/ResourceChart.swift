import CapacityModel

/// An inline SVG chart of one run's resource use per component over time, with each profile's
/// allocatable amount as a dashed line. Self-contained and escaped like `TimelineChart`.
package struct ResourceChart {
  package let width = 720.0
  package let height = 220.0
  package let margin = (left: 64.0, right: 110.0, top: 16.0, bottom: 28.0)

  package struct Line {
    package var label: String
    package var points: [(Double, Double)]
  }

  /// `unit` formats axis values (`m` for CPU, `Mi` for memory); `limits` are (profile, allocatable).
  package func svg(title: String, lines: [Line], limits: [(String, Double)], format: (Double) -> String)
    -> String?
  {
    let all = lines.flatMap(\.points)
    guard all.count >= 2, let span = all.map(\.0).max(), span > 0 else { return nil }
    let top = max(all.map(\.1).max() ?? 0, limits.map(\.1).max() ?? 0) * 1.05
    guard top > 0 else { return nil }
    let plotWidth = width - margin.left - margin.right
    let plotHeight = height - margin.top - margin.bottom
    func x(_ t: Double) -> String { fmt(margin.left + t / span * plotWidth) }
    func y(_ v: Double) -> String { fmt(margin.top + plotHeight - min(v, top) / top * plotHeight) }
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(fmt(width)) \(fmt(height))" \
      role="img" aria-label="\(HTMLEscaping.escape(title))" class="chart">
      <rect x="\(fmt(margin.left))" y="\(fmt(margin.top))" width="\(fmt(plotWidth))" height="\(fmt(plotHeight))" class="plot"/>
      """
    for limit in limits {
      svg += """

        <line x1="\(fmt(margin.left))" x2="\(fmt(margin.left + plotWidth))" y1="\(y(limit.1))" y2="\(y(limit.1))" class="limit"/>
        <text x="\(fmt(margin.left + plotWidth + 4))" y="\(y(limit.1))" class="axis">\(HTMLEscaping.escape(limit.0)) \(HTMLEscaping.escape(format(limit.1)))</text>
        """
    }
    for (index, line) in lines.enumerated() where !line.points.isEmpty {
      let path = line.points.enumerated().map { offset, point in
        (offset == 0 ? "M" : "L") + x(point.0) + "," + y(point.1)
      }.joined(separator: " ")
      svg += """

        <path d="\(path)" class="series series-\(index % 6)"/>
        <text x="\(fmt(margin.left + 8 + Double(index) * 110))" y="\(fmt(margin.top + 14))" class="legend series-label-\(index % 6)">\(HTMLEscaping.escape(line.label))</text>
        """
    }
    svg += """

      <text x="\(fmt(margin.left - 6))" y="\(fmt(margin.top + 4))" class="axis" text-anchor="end">\(HTMLEscaping.escape(format(top)))</text>
      <text x="\(fmt(margin.left - 6))" y="\(fmt(margin.top + plotHeight))" class="axis" text-anchor="end">0</text>
      <text x="\(fmt(margin.left))" y="\(fmt(height - 8))" class="axis">0 s</text>
      <text x="\(fmt(margin.left + plotWidth))" y="\(fmt(height - 8))" class="axis" text-anchor="end">\(fmt(span)) s</text>
      </svg>
      """
    return svg
  }

  private func fmt(_ value: Double) -> String { NumberFormat.decimal(value, places: 1) }
}
