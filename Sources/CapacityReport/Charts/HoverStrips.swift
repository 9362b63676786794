import CapacityModel

/// Invisible columns over a panel, one per tick (or per few ticks on long runs), each with a
/// `<title>` of the values then, so hovering shows them with scripts off.
package struct HoverStrips {
  package let series: [ChartSeries]
  package let maximum: Int

  /// The panel's times, ascending, and each series' value at them (the last one given where a
  /// series repeats a time).
  private var rows: [(time: Double, values: [Double?])] {
    var times = series.flatMap { $0.points.lazy.map(\.time).filter(\.isFinite) }
    times.sort()
    var rows: [(time: Double, values: [Double?])] = []
    var row: [Double: Int] = [:]
    row.reserveCapacity(times.count)
    let empty = [Double?](repeating: nil, count: series.count)
    for time in times where rows.last?.time != time {
      row[time] = rows.count
      rows.append((time, empty))
    }
    for (index, line) in series.enumerated() {
      for point in line.points where point.time.isFinite {
        if let position = row[point.time] { rows[position].values[index] = point.value }
      }
    }
    return rows
  }

  package func draw(into svg: inout SVGBuilder, top: Double, height: Double, x: (Double) -> Double) {
    let rows = rows
    guard !rows.isEmpty else { return }
    let size = max(1, (rows.count + maximum - 1) / maximum)
    let groups = stride(from: 0, to: rows.count, by: size).map {
      Array(rows[$0..<min($0 + size, rows.count)])
    }
    for (index, group) in groups.enumerated() {
      guard let first = group.first, let last = group.last else { continue }
      let previous = index > 0 ? groups[index - 1].last.map { x($0.time) } : nil
      let next = index + 1 < groups.count ? groups[index + 1].first.map { x($0.time) } : nil
      let from = previous.map { ($0 + x(first.time)) / 2 } ?? x(first.time)
      let to = next.map { ($0 + x(last.time)) / 2 } ?? x(last.time)
      svg.rect(
        x: from, y: top, width: max(to - from, 1), height: height, className: "hover",
        title: title(group), transparent: true)
    }
  }

  /// `02:11:30 UTC: req/s 30.1, failures/s 0` (ranges when the strip covers several ticks).
  private func title(_ group: [(time: Double, values: [Double?])]) -> String {
    guard let first = group.first, let last = group.last else { return "" }
    let when =
      group.count == 1
      ? TimeScale.instant(first.time)
      : TimeScale.instant(first.time).dropLast(4) + "–" + TimeScale.instant(last.time)
    let values = series.enumerated().compactMap { index, line -> String? in
      let known = group.compactMap { $0.values[index] }.filter(\.isFinite)
      guard let low = known.min(), let high = known.max() else { return nil }
      let value = low == high ? line.format(low) : line.format(low) + "–" + line.format(high)
      return "\(line.label) \(value)"
    }
    return when + ": " + (values.isEmpty ? "no data" : values.joined(separator: ", "))
  }
}
