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
    for start in stride(from: 0, to: rows.count, by: size) {
      let group = rows[start..<min(start + size, rows.count)]
      guard let first = group.first, let last = group.last else { continue }
      let previous = start > 0 ? x(rows[start - 1].time) : nil
      let next = start + size < rows.count ? x(rows[start + size].time) : nil
      let from = previous.map { ($0 + x(first.time)) / 2 } ?? x(first.time)
      let to = next.map { ($0 + x(last.time)) / 2 } ?? x(last.time)
      svg.rect(
        x: from, y: top, width: max(to - from, 1), height: height, className: "hover",
        title: title(group), transparent: true)
    }
  }

  /// `02:11:30 UTC: req/s 30.1, failures/s 0` (ranges when the strip covers several ticks).
  private func title(_ group: ArraySlice<(time: Double, values: [Double?])>) -> String {
    guard let first = group.first, let last = group.last else { return "" }
    var title =
      group.count == 1
      ? TimeScale.instant(first.time)
      : TimeScale.instant(first.time).dropLast(4) + "–" + TimeScale.instant(last.time)
    title += ": "
    var described = false
    for (index, line) in series.enumerated() {
      // The first of equal values, as `min()` and `max()` keep it (−0 and 0 print apart).
      var low = Double.infinity
      var high = -Double.infinity
      var known = false
      for row in group {
        guard let value = row.values[index], value.isFinite else { continue }
        if !known || value < low { low = value }
        if !known || value > high { high = value }
        known = true
      }
      guard known else { continue }
      title += described ? ", " : ""
      title +=
        line.label + " " + (low == high ? line.format(low) : line.format(low) + "–" + line.format(high))
      described = true
    }
    return described ? title : title + "no data"
  }
}
