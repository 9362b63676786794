import CapacityModel
import Foundation

/// The response-time distribution of a run's successful requests: a histogram on a log time axis
/// (bins 1, 2, 3, 5, 7 × 10ⁿ ms, 1.5 from 10 ms up, whole milliseconds so the latency counts
/// bin exactly), with the run's p50, p95 and p99 marked.
package struct DistributionChart {
  package let width = 720.0
  package let left = 64.0
  package let right = 16.0
  package let plotHeight = 170.0

  package init() {}

  /// Bin upper edges, milliseconds: 1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, … up to 10⁸.
  package static let edges: [Int64] = {
    var edges: [Int64] = [1, 2, 3, 5, 7]
    var scale: Int64 = 10
    while scale <= 10_000_000 {
      edges += [10, 15, 20, 30, 50, 70].map { $0 * scale / 10 }
      scale *= 10
    }
    return edges
  }()

  /// Successful requests per bin `(lower, upper]`, from the first to the last non-empty bin.
  package static func bins(_ counts: LatencyCounts) -> [(lower: Int64, upper: Int64, requests: Int64)] {
    var perBin = [Int64](repeating: 0, count: edges.count)
    for (ceiling, count) in zip(counts.ceilingsMs, counts.counts) {
      let index = edges.firstIndex { ceiling <= $0 } ?? edges.count - 1
      perBin[index] += count
    }
    guard let first = perBin.firstIndex(where: { $0 > 0 }), let last = perBin.lastIndex(where: { $0 > 0 })
    else { return [] }
    return (first...last).map { index in (index > 0 ? edges[index - 1] : 0, edges[index], perBin[index]) }
  }

  /// - Parameter percentiles: (label, milliseconds) marked as vertical lines (`p50`, `p95`, `p99`).
  package func svg(_ counts: LatencyCounts, percentiles: [(String, Double)], name: String) -> String? {
    let bins = Self.bins(counts)
    guard let first = bins.first, let last = bins.last else { return nil }
    let total = Double(bins.reduce(0) { $0 + $1.requests })
    let low = log10(Double(max(first.lower, 1)) / (first.lower == 0 ? 2 : 1))
    let high = log10(Double(last.upper))
    let plotWidth = width - left - right
    func x(_ ms: Double) -> Double { left + (log10(max(ms, 1e-3)) - low) / (high - low) * plotWidth }
    let scale = NiceScale(bins.map { Double($0.requests) })
    let marks = percentiles.filter { $0.1.isFinite && $0.1 > 0 }
    let legend = ChartLegend(
      width: plotWidth,
      items: [.init(label: "successful requests", className: "bar", isArea: true)]
        + marks.map {
          .init(label: "\($0.0) \(NumberFormat.milliseconds($0.1))", className: $0.0, isArea: false)
        })
    let top = 8 + legend.height
    func y(_ value: Double) -> Double { top + plotHeight - scale.fraction(value) * plotHeight }
    var svg = SVGBuilder(width: width, height: top + plotHeight + 28)
    legend.draw(into: &svg, x: left, y: 8)
    svg.rect(x: left, y: top, width: plotWidth, height: plotHeight, className: "plot")
    for tick in scale.ticks {
      svg.line(x1: left, y1: y(tick), x2: left + plotWidth, y2: y(tick), className: "grid")
      svg.text(scale.label(tick), x: left - 6, y: y(tick) + 4, className: "axis", anchor: .end)
    }
    svg.text("requests", x: 14, y: top + plotHeight / 2, className: "axis", anchor: .middle, rotated: true)
    for decade in Self.decades(low: low, high: high) {
      svg.line(x1: x(decade), y1: top, x2: x(decade), y2: top + plotHeight, className: "grid")
      svg.text(
        NumberFormat.milliseconds(decade), x: x(decade), y: top + plotHeight + 14, className: "axis",
        anchor: .middle)
    }
    for bin in bins where bin.requests > 0 {
      let from = x(bin.lower == 0 ? Double(bin.upper) / 2 : Double(bin.lower))
      svg.rect(
        x: from + 0.5, y: y(Double(bin.requests)), width: x(Double(bin.upper)) - from - 1,
        height: top + plotHeight - y(Double(bin.requests)), className: "bar",
        title: "\(bin.lower)–\(bin.upper) ms: \(bin.requests) requests ("
          + NumberFormat.percent(Double(bin.requests) / total) + ")")
    }
    for mark in marks where mark.1 >= pow(10, low) && mark.1 <= pow(10, high) {
      svg.line(
        x1: x(mark.1), y1: top, x2: x(mark.1), y2: top + plotHeight, className: "line \(mark.0)",
        title: "\(mark.0) \(NumberFormat.milliseconds(mark.1))")
    }
    return svg.svg(label: "Response-time distribution of the successful requests of \(name), log time axis")
  }

  /// Powers of ten within the axis, milliseconds, and 2 and 5 times them over three decades or less.
  private static func decades(low: Double, high: Double) -> [Double] {
    let factors: [Double] = high - low <= 3 ? [1, 2, 5] : [1]
    return stride(from: Foundation.floor(low), through: Foundation.floor(high), by: 1).flatMap { exponent in
      factors.map { $0 * pow(10, exponent) }
    }.filter { log10($0) >= low - 1e-9 && log10($0) <= high + 1e-9 }
  }
}
